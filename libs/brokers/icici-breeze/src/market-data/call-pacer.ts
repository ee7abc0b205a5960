/**
 * Spaces calls at least `minIntervalMs` apart, one at a time (Breeze allows 100 calls a
 * minute; 650 ms keeps a screen of ~200 stocks under it). 0 disables spacing.
 */
export class CallPacer {
  private tail: Promise<unknown> = Promise.resolve();
  private lastStartMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly minIntervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    if (!Number.isFinite(minIntervalMs) || minIntervalMs < 0) throw new RangeError(`minIntervalMs must be ≥ 0, got ${minIntervalMs}`);
  }

  /** Runs `call` after the previous one started at least `minIntervalMs` ago. */
  run<T>(call: () => Promise<T>): Promise<T> {
    const next = this.tail.then(async () => {
      const waitMs = this.lastStartMs + this.minIntervalMs - this.now();
      if (waitMs > 0) await this.sleep(waitMs);
      this.lastStartMs = this.now();
      return call();
    });
    this.tail = next.catch(() => undefined);
    return next;
  }
}
