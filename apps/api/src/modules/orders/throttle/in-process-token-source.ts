import { takeSegmentToken, type Clock, type TokenBucketState } from '@mcube/domain';
import type { SegmentTokenSource } from './segment-throttle';

/**
 * Token buckets of this process only (`takeSegmentToken`: 5 in any 1,000 ms), on the WALL
 * clock: the default without Redis, and the fallback while Redis cannot be reached.
 */
export class InProcessTokenSource implements SegmentTokenSource {
  private buckets: Readonly<Record<string, TokenBucketState>> = {};

  constructor(private readonly wallClock: Clock) {}

  async take(segment: string): Promise<number> {
    const r = takeSegmentToken(this.buckets, segment, this.wallClock.nowMs());
    this.buckets = r.buckets;
    return r.allowed ? 0 : r.waitMs;
  }
}
