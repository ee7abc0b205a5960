import type { Sleep } from '../../core/clock/clock.token';

/**
 * Where the throttle's tokens come from: one bucket per exchange segment, 5 orders in any 1 s
 * of WALL time (DECISIONS §3). `take` takes a token when one is free and answers 0, else
 * answers how many ms until one returns (nothing taken).
 */
export interface SegmentTokenSource {
  take(segment: string): Promise<number>;
}

/** Injection token of the gateway's `SegmentThrottle`. */
export const ORDER_THROTTLE = Symbol('mcube:order-throttle');

/**
 * The per-exchange-segment order throttle of the gateway. `send` waits (through the injected
 * sleep) until the token source grants a token, then runs `start` while still holding the
 * segment's turn in this process, so the order reaches the broker at the token's time; callers
 * queue instead of failing. The bucket itself is the token source's: in this process, or in
 * Redis shared by the API and every worker (`RedisTokenSource`).
 */
export class SegmentThrottle {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly tokens: SegmentTokenSource,
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
      const waitMs = await this.tokens.take(segment);
      if (waitMs <= 0) return;
      await this.sleep(waitMs);
    }
  }
}
