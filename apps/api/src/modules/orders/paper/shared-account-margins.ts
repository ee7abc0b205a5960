import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { BrokerMargin } from '@mcube/domain';
import type Redis from 'ioredis';
import { loadIoredis } from '../../../common/redis/load-ioredis';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { AccountLeases } from '../../../roles/account-leases';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from '../execution-clients.token';
import { isLiveClient } from '../live/broker-connections.service';

/** How often a worker stores its paper accounts' margins. */
export const SHARED_MARGIN_EVERY_MS = 1_000;

/** The Redis hash of the paper accounts' margins (field: account id, value: the `BrokerMargin` as JSON). */
export function sharedMarginsKey(queuePrefix: string): string {
  return `${queuePrefix}:margins:accounts`;
}

/**
 * The paper accounts' margin across processes (issue 13, process roles; with REDIS_URL only).
 * An `api` process builds no broker client, so its dashboard and "what would it do now" would
 * see no margin: a worker stores the margin of each paper account whose lease it holds every
 * `SHARED_MARGIN_EVERY_MS` (the paper book's own figure, no broker call), and the `api` process
 * reads it when asked (`AccountMarginService`). A live account's margin is not stored (that
 * would be a broker call every second): in an `api` process it stays unknown, as before.
 */
@Injectable()
export class SharedAccountMargins implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SharedAccountMargins');
  private redis?: Redis;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EXECUTION_CLIENTS) private readonly clients: ExecutionClientRegistry,
    private readonly leases: AccountLeases,
  ) {}

  /** Whether this process reads the workers' stored margins (an `api` process sharing Redis). */
  get readsShared(): boolean {
    return this.config.redisUrl !== undefined && !this.leases.runsWorkerDuties;
  }

  onApplicationBootstrap(): void {
    if (this.config.redisUrl === undefined || !this.leases.runsWorkerDuties) return;
    let running = false;
    this.timer = setInterval(() => {
      if (running) return;
      running = true;
      void this.writeHeld().finally(() => (running = false));
    }, SHARED_MARGIN_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.redis?.quit().catch(() => undefined);
  }

  /** The stored margin of a paper account; null when none is stored or Redis does not answer. */
  async read(accountId: number): Promise<BrokerMargin | null> {
    const raw = await this.client()
      .hget(sharedMarginsKey(this.config.jobs.queuePrefix), String(accountId))
      .catch(() => null);
    return raw === null ? null : (JSON.parse(raw) as BrokerMargin);
  }

  /** A worker's side: the margins of the paper accounts it holds. */
  async writeHeld(): Promise<void> {
    for (const accountId of this.leases.heldAccounts()) {
      const client = this.clients.get(accountId);
      if (!client || isLiveClient(client)) continue;
      try {
        const margin = await client.availableMargin();
        await this.client().hset(sharedMarginsKey(this.config.jobs.queuePrefix), String(accountId), JSON.stringify(margin));
      } catch (error) {
        this.logger.warn(`account ${accountId}: margin not stored: ${(error as Error).message}`);
      }
    }
  }

  private client(): Redis {
    if (!this.redis) {
      this.redis = new (loadIoredis())(this.config.redisUrl as string, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
      this.redis.on('error', () => undefined);
    }
    return this.redis;
  }
}
