import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit, type Provider } from '@nestjs/common';
import type { Clock } from '@mcube/domain';
import type Redis from 'ioredis';
import { loadIoredis } from '../../../common/redis/load-ioredis';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { SLEEP, WALL_CLOCK, type Sleep } from '../../core/clock/clock.token';
import { InProcessTokenSource } from './in-process-token-source';
import { RedisTokenSource } from './redis-token-source';
import { ORDER_THROTTLE, SegmentThrottle, type SegmentTokenSource } from './segment-throttle';

/** A Redis outage is logged at most this often (wall time). */
const FALLBACK_LOG_EVERY_MS = 60_000;
/** How long boot waits for the Redis connection before the first orders fall back to this process's bucket. */
const CONNECT_WAIT_MS = 2_000;

/**
 * The throttle's token source for this deployment: Redis (shared by the API and the workers,
 * under the deployment's queue prefix) when `REDIS_URL` is set, else this process's own
 * buckets; both on the wall clock. Waits (briefly) for Redis at boot; closes the connection on shutdown.
 */
@Injectable()
export class ThrottleTokenSource implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('OrderThrottle');
  private readonly redis?: Redis;
  private lastFallbackLogMs = -Infinity;
  readonly source: SegmentTokenSource;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(WALL_CLOCK) private readonly wallClock: Clock) {
    const local = new InProcessTokenSource(wallClock);
    if (!config.redisUrl) {
      this.source = local;
      return;
    }
    this.redis = new (loadIoredis())(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: false });
    // Failures surface as fallbacks (logged below); without a listener ioredis prints them to stderr.
    this.redis.on('error', () => undefined);
    this.source = new RedisTokenSource(this.redis, { keyPrefix: config.jobs.queuePrefix, fallback: local, onFallback: (error) => this.logFallback(error) });
  }

  /** Resolves once Redis is ready, or after CONNECT_WAIT_MS (the first orders then use the fallback). */
  async onModuleInit(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CONNECT_WAIT_MS);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }

  private logFallback(error: unknown): void {
    const now = this.wallClock.nowMs();
    if (now - this.lastFallbackLogMs < FALLBACK_LOG_EVERY_MS) return;
    this.lastFallbackLogMs = now;
    this.logger.warn(`Redis unreachable for the shared order throttle (${(error as Error)?.message ?? String(error)}): this process throttles on its own bucket until it is back`);
  }
}

/** `ORDER_THROTTLE` and its token source, for the orders module. */
export const orderThrottleProviders: Provider[] = [
  ThrottleTokenSource,
  { provide: ORDER_THROTTLE, inject: [ThrottleTokenSource, SLEEP], useFactory: (tokens: ThrottleTokenSource, sleep: Sleep) => new SegmentThrottle(tokens.source, sleep) },
];
