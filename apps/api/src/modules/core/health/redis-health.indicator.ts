import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { loadIoredis } from '../../../common/redis/load-ioredis';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';

/** PINGs Redis when REDIS_URL is configured; one lazily opened connection, closed on shutdown. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private client?: Redis;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether a Redis check applies at all. */
  get configured(): boolean {
    return this.config.redisUrl !== undefined;
  }

  async ping(key = 'redis'): Promise<HealthIndicatorResult> {
    const check = this.indicators.check(key);
    try {
      this.client ??= new (loadIoredis())(this.config.redisUrl as string, {
        lazyConnect: true,
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
        enableOfflineQueue: false,
        // No background reconnect loop: each health check connects again if needed.
        retryStrategy: () => null,
      });
      // Failures are reported by the check itself; without a listener ioredis prints them to stderr.
      if (this.client.listenerCount('error') === 0) this.client.on('error', () => undefined);
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<string>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), 2000);
      });
      const answer = await Promise.race([this.client.ping(), timeout]).finally(() => clearTimeout(timer));
      return answer === 'PONG' ? check.up() : check.down({ message: 'unexpected PING reply' });
    } catch {
      // Drop the failed connection (and its timers); the next check opens a new one.
      this.client?.disconnect();
      this.client = undefined;
      return check.down({ message: 'unreachable' });
    }
  }

  onModuleDestroy(): void {
    this.client?.disconnect();
  }
}
