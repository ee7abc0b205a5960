import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { loadIoredis } from '../common/redis/load-ioredis';

/** The lease length (ms; `RolesModule` gives `DEFAULT_LEASE_TTL_MS`, tests their own); renewal runs at a third of it. */
export const ACCOUNT_LEASE_TTL_MS = Symbol('mcube:account-lease-ttl-ms');
/** A worker that stops without releasing (kill -9) holds its accounts this long at most. */
export const DEFAULT_LEASE_TTL_MS = 30_000;

/** Deletes the key only while it still names this process (a lease taken over is not ours to drop). */
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
/** Extends the key only while it still names this process. */
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/**
 * Which process holds an account's worker duties: its broker session (logins), order sync and
 * strategy runs. Without REDIS_URL there is one process, which owns every account unless its
 * role is `api` (then it owns none). With REDIS_URL, a worker owns an account while it holds
 * the lease `<prefix>:owner:account:<id>` in Redis (SET NX PX, renewed every third of the
 * lease, released at shutdown); a lease nobody renews expires and the next worker that asks
 * takes it over. A Redis error answers "not the owner": two processes never both act on an
 * account; at worst none does until Redis answers again.
 */
@Injectable()
export class AccountLeases implements OnApplicationShutdown {
  private readonly logger = new Logger('AccountLeases');
  /** This process's name in the lease values. */
  readonly holder = randomUUID();
  private readonly held = new Set<number>();
  private redis?: Redis;
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ACCOUNT_LEASE_TTL_MS) private readonly ttlMs: number,
  ) {}

  /** Whether this process's role has worker duties at all (every role but `api`). */
  get runsWorkerDuties(): boolean {
    return this.config.jobs.role !== 'api';
  }

  /** Whether this process may act for the account now (takes or keeps the lease with Redis). */
  async owns(accountId: number): Promise<boolean> {
    if (!this.runsWorkerDuties || this.closed) return false;
    if (!this.config.redisUrl) return true;
    const key = this.keyOf(accountId);
    try {
      const redis = this.client();
      const taken = await redis.set(key, this.holder, 'PX', this.ttlMs, 'NX');
      const ours = taken === 'OK' || (await redis.eval(RENEW, 1, key, this.holder, String(this.ttlMs))) === 1;
      if (ours && !this.held.has(accountId)) {
        this.held.add(accountId);
        this.logger.log(`this process now owns account ${accountId} (broker session, order sync, strategy runs)`);
      }
      if (!ours) this.held.delete(accountId);
      this.startRenewal();
      return ours;
    } catch (error) {
      this.held.delete(accountId);
      this.logger.warn(`account ${accountId}: the ownership lease could not be read (${(error as Error).message}); not acting for it`);
      return false;
    }
  }

  /** The accounts this process holds (as of its last ask or renewal). */
  heldAccounts(): number[] {
    return [...this.held].sort((a, b) => a - b);
  }

  /** Releases every lease this process holds (its worker duties pass to another process at once). */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    const redis = this.redis;
    if (!redis) return;
    for (const id of this.held) await redis.eval(RELEASE, 1, this.keyOf(id), this.holder).catch(() => undefined);
    this.held.clear();
    await redis.quit().catch(() => redis.disconnect());
  }

  private keyOf(accountId: number): string {
    return `${this.config.jobs.queuePrefix}:owner:account:${accountId}`;
  }

  private client(): Redis {
    if (!this.redis) {
      this.redis = new (loadIoredis())(this.config.redisUrl as string, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
      this.redis.on('error', () => undefined);
    }
    return this.redis;
  }

  /** Keeps the held leases alive; a lease found lost (expired and taken) is dropped from `held`. */
  private startRenewal(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.renewAll(), Math.max(100, Math.floor(this.ttlMs / 3)));
    this.timer.unref();
  }

  private async renewAll(): Promise<void> {
    for (const id of [...this.held]) {
      const kept = await this.client()
        .eval(RENEW, 1, this.keyOf(id), this.holder, String(this.ttlMs))
        .catch(() => 0);
      if (kept !== 1 && this.held.delete(id)) this.logger.warn(`the lease of account ${id} was lost: another process may take it over`);
    }
  }
}
