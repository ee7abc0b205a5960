import type { BrokerErrorKind } from '@mcube/domain';

/** The failures the paper broker can play, for tests of the order path. */
export type PaperFaultMode = 'TIMEOUT_AFTER_ACCEPT' | 'REJECT' | 'SERVER_ERROR_5XX' | 'RATE_LIMITED' | 'DELAYED_FILL' | 'FILL_AFTER_CANCEL' | 'REJECT_AFTER_ACCEPT';

/**
 * Which orders a fault hits: those whose tag equals `tag` (a string) or matches it (a
 * RegExp), any order when absent; `times` uses (default 1: one-shot; 'ALWAYS': persistent).
 * "The next N orders" is `{ times: N }` without a tag.
 */
export interface PaperFaultTarget {
  readonly tag?: string | RegExp;
  readonly times?: number | 'ALWAYS';
}

/**
 * One injected fault:
 * - TIMEOUT_AFTER_ACCEPT: the order is stored and live, yet `placeOrder` rejects after
 *   `delayMs` (default 0) with `kind` (default TEMPORARY): find it by tag.
 * - REJECT: `placeOrder` rejects with REJECTED and `reason`; nothing is stored.
 * - SERVER_ERROR_5XX: TEMPORARY (HTTP `status`, default 503); nothing is stored.
 * - RATE_LIMITED: RATE_LIMITED with `retryAfterMs` (default 1000); nothing is stored.
 * - DELAYED_FILL: the order sits out the next `passes` match passes (default 1) and cannot
 *   fill before `ms` after it was placed (default 0).
 * - FILL_AFTER_CANCEL: on `cancelOrder` the cancel is acknowledged and the order reported
 *   CANCELED, but the next match pass still fills the rest at the limit price (the exchange
 *   matched it before the cancel arrived).
 * - REJECT_AFTER_ACCEPT: the order is accepted (live, `placeOrder` resolves), then the next
 *   match pass reports it REJECTED with `reason` before matching anything (the exchange
 *   refused what the broker's RMS let through).
 * Faults live in memory only: a restarted client has none.
 */
export type PaperFault = PaperFaultTarget &
  (
    | { readonly mode: 'TIMEOUT_AFTER_ACCEPT'; readonly delayMs?: number; readonly kind?: Extract<BrokerErrorKind, 'TEMPORARY' | 'UNKNOWN'> }
    | { readonly mode: 'REJECT'; readonly reason?: string }
    | { readonly mode: 'SERVER_ERROR_5XX'; readonly status?: number }
    | { readonly mode: 'RATE_LIMITED'; readonly retryAfterMs?: number }
    | { readonly mode: 'DELAYED_FILL'; readonly passes?: number; readonly ms?: number }
    | { readonly mode: 'FILL_AFTER_CANCEL' }
    | { readonly mode: 'REJECT_AFTER_ACCEPT'; readonly reason?: string }
  );

interface Armed {
  readonly fault: PaperFault;
  left: number;
}

/** The faults armed on one paper client, consumed as orders hit them (first injected, first used). */
export class PaperFaultPlan {
  private armed: Armed[] = [];

  /** Arms a fault. Throws RangeError for a `times` that is not a whole number ≥ 1 or 'ALWAYS'. */
  inject(fault: PaperFault): void {
    const times = fault.times ?? 1;
    if (times !== 'ALWAYS' && !(Number.isSafeInteger(times) && times >= 1)) throw new RangeError(`fault times must be a whole number ≥ 1 or 'ALWAYS', got ${String(times)}`);
    this.armed.push({ fault, left: times === 'ALWAYS' ? Number.POSITIVE_INFINITY : times });
  }

  /** Disarms every fault. */
  clear(): void {
    this.armed = [];
  }

  /** Faults with uses left. */
  get pending(): number {
    return this.armed.length;
  }

  /** Whether `take(modes, tag)` would find a fault (nothing is used). */
  has(modes: readonly PaperFaultMode[], tag: string): boolean {
    return this.armed.some((a) => modes.includes(a.fault.mode) && targets(a.fault.tag, tag));
  }

  /** Uses the first armed fault of one of `modes` that targets `tag`, or undefined. */
  take<M extends PaperFaultMode>(modes: readonly M[], tag: string): Extract<PaperFault, { mode: M }> | undefined {
    const hit = this.armed.find((a) => (modes as readonly PaperFaultMode[]).includes(a.fault.mode) && targets(a.fault.tag, tag));
    if (!hit) return undefined;
    hit.left -= 1;
    if (hit.left <= 0) this.armed = this.armed.filter((a) => a !== hit);
    return hit.fault as Extract<PaperFault, { mode: M }>;
  }
}

function targets(pattern: string | RegExp | undefined, tag: string): boolean {
  if (pattern === undefined) return true;
  if (typeof pattern === 'string') return pattern === tag;
  pattern.lastIndex = 0;
  return pattern.test(tag);
}
