import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { loadIoredis } from '../../../common/redis/load-ioredis';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { AccountLeases } from '../../../roles/account-leases';

/** The Redis channel an order-sync tick is announced on. */
export function orderSyncTickChannel(queuePrefix: string): string {
  return `${queuePrefix}:order-sync:tick`;
}

/** A Redis outage is logged at most this often (wall time). */
const FAILURE_LOG_EVERY_MS = 60_000;
/** How long boot waits for the connections before going on (ticks are then shared once Redis answers). */
const CONNECT_WAIT_MS = 2_000;

/**
 * Every worker syncs its own accounts on every order-sync tick (issue 13, process roles). With
 * BullMQ one worker takes each tick of the `brokers.order-sync` repeatable, but a pass only
 * touches the accounts its process holds the lease of: with several workers an account would be
 * synced only on the ticks its holder happened to take. The worker that takes a tick announces
 * it on a Redis channel, and every worker (itself included, which the pass's own guards make a
 * no-op) runs its pass on the announcement. Active only with REDIS_URL in a role with worker
 * duties; best effort: while Redis is down a worker still syncs on the ticks it takes.
 */
@Injectable()
export class OrderSyncFanOut implements OnApplicationShutdown {
  private readonly logger = new Logger('OrderSync');
  private readonly channel: string;
  private publisher?: Redis;
  private subscriber?: Redis;
  private lastFailureLogMs = -Infinity;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly leases: AccountLeases,
  ) {
    this.channel = orderSyncTickChannel(config.jobs.queuePrefix);
  }

  /** Whether ticks are shared between processes. */
  get active(): boolean {
    return this.config.redisUrl !== undefined && this.leases.runsWorkerDuties;
  }

  /**
   * Runs `onTick` on every announced tick, and connects the announcing side too (so the first
   * tick is not lost to a connection still opening). Resolves once subscribed (at most
   * `CONNECT_WAIT_MS` while Redis does not answer), at once when inactive.
   */
  async listen(onTick: () => void): Promise<void> {
    if (!this.active || this.subscriber) return;
    this.subscriber = new (loadIoredis())(this.config.redisUrl as string, { connectTimeout: 2000 });
    this.subscriber.on('error', (error: Error) => this.logFailure('subscribe', error));
    this.subscriber.on('message', () => onTick());
    const publisher = this.publisherOf();
    const ready = publisher.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => publisher.once('ready', () => resolve()));
    const subscribed = this.subscriber.subscribe(this.channel).catch((error: unknown) => this.logFailure('subscribe', error));
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, CONNECT_WAIT_MS)));
    await Promise.race([Promise.all([subscribed, ready]), waited]);
    clearTimeout(timer);
  }

  /** Tells every worker a tick was taken; never throws. */
  async announce(): Promise<void> {
    if (!this.active) return;
    await this.publisherOf()
      .publish(this.channel, 'tick')
      .catch((error: unknown) => this.logFailure('publish', error));
  }

  private publisherOf(): Redis {
    if (!this.publisher) {
      // Dropped, not queued, while Redis is down: a stale tick helps nobody.
      this.publisher = new (loadIoredis())(this.config.redisUrl as string, { maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: false });
      this.publisher.on('error', () => undefined);
    }
    return this.publisher;
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
    const publisher = this.publisher;
    if (publisher?.status === 'ready') await publisher.quit().catch(() => publisher.disconnect());
    else publisher?.disconnect();
  }

  private logFailure(what: string, error: unknown): void {
    const now = Date.now();
    if (now - this.lastFailureLogMs < FAILURE_LOG_EVERY_MS) return;
    this.lastFailureLogMs = now;
    this.logger.warn(`order-sync tick ${what} failed (${(error as Error)?.message ?? String(error)}): this worker syncs on the ticks it takes until Redis is back`);
  }
}
