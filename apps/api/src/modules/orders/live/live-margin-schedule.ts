import { BrokerError } from '@mcube/domain';

/** How often a worker refreshes a LIVE account's stored margin (ms; `OrdersModule` gives `DEFAULT_LIVE_MARGIN_REFRESH_MS`, tests their own). */
export const LIVE_MARGIN_REFRESH_MS = Symbol('mcube:live-margin-refresh-ms');
/** Two broker calls a minute per LIVE account at most, and none while another fetch stored it within the period. */
export const DEFAULT_LIVE_MARGIN_REFRESH_MS = 30_000;
/** Outside the session (and its pre-open) a LIVE margin moves only with funds: asked this many times less often (30 s → 10 min). */
export const OFF_SESSION_REFRESH_FACTOR = 20;
/** A stored LIVE figure is vouched for this many refresh periods (2 min in session, 40 min outside). */
export const FRESH_FOR_PERIODS = 4;
/** The longest wait after failures in a row. */
export const LIVE_MARGIN_MAX_BACKOFF_MS = 5 * 60_000;

/**
 * When a worker may next ask the broker for a LIVE account's margin: one period after the last
 * stored figure (a write-through from the gateway or the dashboard counts), and after a failure
 * one period, then twice as long each failure in a row up to `LIVE_MARGIN_MAX_BACKOFF_MS`, or
 * the broker's own Retry-After when it is longer (a RATE_LIMITED answer).
 */
export class LiveMarginSchedule {
  private readonly nextAt = new Map<number, number>();
  private readonly failures = new Map<number, number>();

  constructor(private readonly everyMs: number) {}

  isDue(accountId: number, nowMs: number): boolean {
    return (this.nextAt.get(accountId) ?? -Infinity) <= nowMs;
  }

  /** A figure stored at `atMs`: the next fetch one period later (`periodMs`, longer outside the session). */
  stored(accountId: number, atMs: number, periodMs = this.everyMs): void {
    this.failures.delete(accountId);
    this.nextAt.set(accountId, atMs + periodMs);
  }

  /** Records a failed fetch; returns how long until the next try (ms). */
  failed(accountId: number, atMs: number, error: unknown): number {
    const inARow = (this.failures.get(accountId) ?? 0) + 1;
    this.failures.set(accountId, inARow);
    const backoff = Math.min(this.everyMs * 2 ** (inARow - 1), Math.max(LIVE_MARGIN_MAX_BACKOFF_MS, this.everyMs));
    const wait = Math.max(backoff, error instanceof BrokerError ? (error.details.retryAfterMs ?? 0) : 0);
    this.nextAt.set(accountId, atMs + wait);
    return wait;
  }

  /** The account is no longer LIVE here: a later LIVE client starts afresh. */
  forget(accountId: number): void {
    this.nextAt.delete(accountId);
    this.failures.delete(accountId);
  }
}

/** A failed fetch as a log can say it: the broker error's kind, code and adapter message, else only the error's name (no payload, no credential). */
export function describeMarginFailure(error: unknown): string {
  if (error instanceof BrokerError) return `${error.kind}${error.details.brokerCode ? ` ${error.details.brokerCode}` : ''}: ${error.message}`;
  return error instanceof Error ? error.name : 'unknown error';
}
