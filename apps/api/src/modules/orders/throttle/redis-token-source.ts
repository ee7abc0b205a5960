import { randomBytes } from 'node:crypto';
import { ORDERS_PER_SECOND_PER_SEGMENT } from '@mcube/domain';
import type { Redis } from 'ioredis';
import type { SegmentTokenSource } from './segment-throttle';

/**
 * One sliding-window bucket per segment in a sorted set, atomically: drop tokens older than the
 * period, take one when fewer than `capacity` are live (wait 0), else answer the ms until the
 * oldest returns; with the server time. Time is the Redis server's (`TIME`), the one wall clock
 * every process shares.
 */
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - period)
if redis.call('ZCARD', KEYS[1]) < capacity then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], period * 2)
  return {0, now}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {math.max(1, tonumber(oldest[2]) + period - now), now}
`;

/**
 * The throttle's buckets in Redis (when `REDIS_URL` is set), shared by the API and every
 * worker of the deployment: 5 orders in any 1 s per segment leave in total, whichever process
 * sends them. While Redis cannot be reached, `fallback` (this process's own bucket) decides, so
 * an exit is never stuck behind a Redis outage; `onFallback` is told (to log it).
 */
export class RedisTokenSource implements SegmentTokenSource {
  private readonly owner = randomBytes(6).toString('hex');
  private seq = 0;

  constructor(
    private readonly redis: Redis,
    private readonly opts: {
      keyPrefix: string;
      fallback: SegmentTokenSource;
      onFallback?: (error: unknown) => void;
      /** Told of each token granted, with the Redis server's time of the grant (ms). */
      onGrant?: (segment: string, serverMs: number) => void;
      capacity?: number;
      periodMs?: number;
    },
  ) {}

  async take(segment: string): Promise<number> {
    const key = `${this.opts.keyPrefix}:order-throttle:${segment}`;
    const member = `${this.owner}:${++this.seq}`;
    try {
      const [wait, serverMs] = (await this.redis.eval(TAKE_SCRIPT, 1, key, this.opts.capacity ?? ORDERS_PER_SECOND_PER_SEGMENT, this.opts.periodMs ?? 1000, member)) as [number, number];
      if (wait === 0) this.opts.onGrant?.(segment, serverMs);
      return Number(wait);
    } catch (error) {
      this.opts.onFallback?.(error);
      return this.opts.fallback.take(segment);
    }
  }
}
