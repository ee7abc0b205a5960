/**
 * Failures the fake Breeze server plays on chosen calls:
 * - HTTP_STATUS: answers `status` (429, 500, 503…) with `body` (default: a plain text page),
 *   without processing the request (with `afterProcessing`: after processing it, as a proxy
 *   failing on the way back); `retryAfterS` sets Retry-After.
 * - ENVELOPE: answers Breeze's error envelope `{Success: null, Status, Error}` (HTTP 200) without processing.
 * - MALFORMED: answers `body` (default: truncated JSON); with `afterProcessing` the request is
 *   processed first (an order is taken, then the answer is garbage).
 * - TIMEOUT_AFTER_ACCEPT: processes the request (the order is taken) and never answers.
 * - DELAY: processes and answers after `ms`.
 * - DROP: closes the connection without processing.
 * - REJECT_AFTER_ACK: (place order) acknowledges, then the order shows Rejected.
 * - FILL_AFTER_CANCEL: (cancel order) acknowledges the cancel, but the exchange had matched the
 *   rest first: the order shows Executed at its limit price.
 * - CANCEL_NOT_APPLIED: (cancel order) acknowledges the cancel, but the order stays open in the
 *   book (the broker never confirms it).
 */
export type FakeBreezeFaultMode =
  | { readonly mode: 'HTTP_STATUS'; readonly status: number; readonly body?: string; readonly retryAfterS?: number; readonly afterProcessing?: boolean }
  | { readonly mode: 'ENVELOPE'; readonly error: string; readonly status?: number }
  | { readonly mode: 'MALFORMED'; readonly body?: string; readonly afterProcessing?: boolean }
  | { readonly mode: 'TIMEOUT_AFTER_ACCEPT' }
  | { readonly mode: 'DELAY'; readonly ms: number }
  | { readonly mode: 'DROP' }
  | { readonly mode: 'REJECT_AFTER_ACK'; readonly reason?: string }
  | { readonly mode: 'FILL_AFTER_CANCEL' }
  | { readonly mode: 'CANCEL_NOT_APPLIED' };

/**
 * Which calls a fault hits: `endpoint` ('order', 'trades', 'customerdetails', 'historicalcharts'…),
 * optionally one `method`, optionally only bodies whose `user_remark` is `remark`; `times` uses
 * (default 1; 'ALWAYS' stays armed).
 */
export type FakeBreezeFault = FakeBreezeFaultMode & {
  readonly endpoint: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly remark?: string;
  readonly times?: number | 'ALWAYS';
};

/** The armed faults, used first-armed-first. */
export class FakeBreezeFaults {
  private armed: { fault: FakeBreezeFault; left: number }[] = [];

  inject(fault: FakeBreezeFault): void {
    const times = fault.times ?? 1;
    if (times !== 'ALWAYS' && !(Number.isSafeInteger(times) && times >= 1)) throw new RangeError(`times must be ≥ 1 or 'ALWAYS', got ${String(times)}`);
    this.armed.push({ fault, left: times === 'ALWAYS' ? Number.POSITIVE_INFINITY : times });
  }

  clear(): void {
    this.armed = [];
  }

  get pending(): number {
    return this.armed.length;
  }

  /** Takes the first fault matching this call, if any. */
  take(endpoint: string, method: string, body: Readonly<Record<string, unknown>> | undefined): FakeBreezeFault | undefined {
    const hit = this.armed.find((a) => a.fault.endpoint === endpoint && (!a.fault.method || a.fault.method === method) && (a.fault.remark === undefined || body?.['user_remark'] === a.fault.remark));
    if (!hit) return undefined;
    hit.left -= 1;
    if (hit.left <= 0) this.armed = this.armed.filter((a) => a !== hit);
    return hit.fault;
  }
}
