import { takeSegmentToken, type Clock, type TokenBucketState } from '@mcube/domain';
import type { Sleep } from '../core/clock/clock.token';

/**
 * The per-exchange-segment order throttle of the gateway (5 orders in any 1 s window,
 * `takeSegmentToken`). One instance per process. `send` waits (through the injected sleep)
 * until a token is free, then runs `start` while still holding the segment's turn, so the
 * order reaches the broker at the token's time; callers queue instead of failing.
 */
export class SegmentThrottle {
  private buckets: Readonly<Record<string, TokenBucketState>> = {};
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly clock: Clock,
    private readonly sleep: Sleep,
  ) {}

  /**
   * Waits for a token of `segment`, then awaits `start()` (which should journal and START
   * the broker call, returning its pending promise wrapped in an object) before the next
   * waiter of that segment may go. Waiters of one segment are served in arrival order.
   */
  send<T>(segment: string, start: () => Promise<T>): Promise<T> {
    const turn = (this.tails.get(segment) ?? Promise.resolve()).then(async () => {
      await this.takeToken(segment);
      return start();
    });
    this.tails.set(
      segment,
      turn.catch(() => undefined),
    );
    return turn;
  }

  private async takeToken(segment: string): Promise<void> {
    for (;;) {
      const r = takeSegmentToken(this.buckets, segment, this.clock.nowMs());
      this.buckets = r.buckets;
      if (r.allowed) return;
      await this.sleep(r.waitMs);
    }
  }
}
