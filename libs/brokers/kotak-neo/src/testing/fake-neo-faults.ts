/** The endpoints of the fake server, for fault injection and request counts. */
export type FakeNeoEndpoint =
  | 'login'
  | 'validate'
  | 'place'
  | 'modify'
  | 'cancel'
  | 'orders'
  | 'history'
  | 'trades'
  | 'positions'
  | 'limits'
  | 'margin'
  | 'quotes'
  | 'filePaths'
  | 'masterFile';

/**
 * One scripted misbehaviour of the next matching call:
 * - RESPOND: answer `status` with `body` (an object is sent as JSON, a string as is);
 *   `processed: true` first does the real work (the broker took the order, then the answer
 *   went wrong), otherwise nothing happens at the broker.
 * - HANG: never answer (the client's deadline fires); `processed: true` first does the work.
 * - DELAY: wait `ms`, then behave normally.
 * - FILL_FIRST: (cancel/modify) the order fills (`quantity` units, default all that is
 *   left) at its limit just before the request is handled: a cancel racing a fill.
 * - HOLD_CANCEL: (cancel) Kotak accepts the cancel but the order stays 'cancel pending'
 *   until the test calls `confirmCancel` (or fills it: a fill after the cancel request).
 */
export type FakeNeoFault =
  | { readonly type: 'RESPOND'; readonly status: number; readonly body: unknown; readonly processed?: boolean; readonly headers?: Readonly<Record<string, string>> }
  | { readonly type: 'HANG'; readonly processed?: boolean }
  | { readonly type: 'DELAY'; readonly ms: number }
  | { readonly type: 'FILL_FIRST'; readonly quantity?: number }
  | { readonly type: 'HOLD_CANCEL' };

/** Ready-made faults. */
export const neoFaults = {
  rateLimited: (retryAfterSeconds = 1): FakeNeoFault => ({ type: 'RESPOND', status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': String(retryAfterSeconds) } }),
  serverError: (status = 503, processed = false): FakeNeoFault => ({ type: 'RESPOND', status, body: '<html><body>Service Unavailable</body></html>', processed }),
  malformedJson: (processed = false): FakeNeoFault => ({ type: 'RESPOND', status: 200, body: '{"stat":"Ok","nOrdNo":', processed }),
  notOk: (stCode: number, errMsg: string): FakeNeoFault => ({ type: 'RESPOND', status: 200, body: { stat: 'Not_Ok', stCode, errMsg } }),
  timeoutAfterAccept: (): FakeNeoFault => ({ type: 'HANG', processed: true }),
  timeout: (): FakeNeoFault => ({ type: 'HANG' }),
  fillFirst: (quantity?: number): FakeNeoFault => ({ type: 'FILL_FIRST', quantity }),
  holdCancel: (): FakeNeoFault => ({ type: 'HOLD_CANCEL' }),
};

/** Queued faults per endpoint, each used for `times` calls. */
export class FakeNeoFaultQueue {
  private readonly queue = new Map<FakeNeoEndpoint, { fault: FakeNeoFault; left: number }[]>();

  add(endpoint: FakeNeoEndpoint, fault: FakeNeoFault, times = 1): void {
    this.queue.set(endpoint, [...(this.queue.get(endpoint) ?? []), { fault, left: times }]);
  }

  /** The fault for this call of `endpoint`, if one is queued. */
  take(endpoint: FakeNeoEndpoint): FakeNeoFault | undefined {
    const list = this.queue.get(endpoint);
    const head = list?.[0];
    if (!list || !head) return undefined;
    head.left -= 1;
    if (head.left <= 0) list.shift();
    return head.fault;
  }

  clear(): void {
    this.queue.clear();
  }
}
