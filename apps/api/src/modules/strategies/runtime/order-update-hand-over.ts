import type { SerialLocks } from './serial-lock';

/**
 * Hands a pushed order update to an account's strategy in the account's serial order (after
 * whatever call is working, so an update published while the strategy is still sending finds the
 * order tracked). One hand-over waiting per order is enough: it reads the order as it is when it
 * runs, so a sliced order's burst of updates is one.
 */
export class OrderUpdateHandOver {
  /** `account:intent` of the hand-overs waiting for the account's lock. */
  private readonly waiting = new Set<string>();

  constructor(private readonly locks: SerialLocks) {}

  /** Resolves with what `advance` returned, or false when a hand-over of this order is already waiting. */
  handOver(accountId: number, intentId: string, advance: () => Promise<boolean>): Promise<boolean> {
    const key = `${accountId}:${intentId}`;
    if (this.waiting.has(key)) return Promise.resolve(false);
    this.waiting.add(key);
    return this.locks.run(accountId, () => {
      this.waiting.delete(key);
      return advance();
    });
  }
}
