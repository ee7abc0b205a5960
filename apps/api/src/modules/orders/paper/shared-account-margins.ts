import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { BrokerMargin, Clock, ExecutionClient, NseCalendar } from '@mcube/domain';
import type Redis from 'ioredis';
import { loadIoredis } from '../../../common/redis/load-ioredis';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { AccountLeases } from '../../../roles/account-leases';
import { MARKET_CLOCK, WALL_CLOCK } from '../../core/clock/clock.token';
import { marketSessionState } from '../../data/market/market-session';
import { NSE_CALENDAR } from '../../data/source/market-data.tokens';
import { ReconciliationGate } from '../../risk/context/reconciliation-gate';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from '../execution-clients.token';
import { isLiveClient } from '../live/broker-connections.service';
import { describeMarginFailure, FRESH_FOR_PERIODS, LIVE_MARGIN_REFRESH_MS, LiveMarginSchedule, OFF_SESSION_REFRESH_FACTOR } from '../live/live-margin-schedule';
import { isLiveMarginRecord, liveMarginRecord, marginOfStored, paperMarginRecord } from './shared-margin-record';

/** How often a worker stores its paper accounts' margins (and looks whether a LIVE account's is due). */
export const SHARED_MARGIN_EVERY_MS = 1_000;

/** The Redis hash of the accounts' margins (field: account id; value: a paper `BrokerMargin` or a `StoredLiveMargin`, as JSON). */
export function sharedMarginsKey(queuePrefix: string): string {
  return `${queuePrefix}:margins:accounts`;
}

/**
 * The accounts' margin across processes (issue 13, process roles; with REDIS_URL only). An
 * `api` process builds no broker client, so its dashboard and "what would it do now" would see
 * no margin; a worker stores the margin of each account whose lease it holds, and the `api`
 * process reads it when asked (`AccountMarginService`):
 * - paper: every `SHARED_MARGIN_EVERY_MS`, the paper book's own figure (no broker call), with
 *   the wall time of the write (a stopped worker's last figure turns unknown after two minutes);
 * - LIVE: whenever the worker fetches it anyway (write-through from the gateway and
 *   `AccountMarginService`, `storeLive`), and refreshed once `LIVE_MARGIN_REFRESH_MS` passed
 *   without one (in the session and its pre-open; `OFF_SESSION_REFRESH_FACTOR` times less
 *   often outside it, each figure then vouched for longer) while the account is connected (its gate not PENDING: a reconciliation reached
 *   the broker since this client connected); a failed fetch stores nothing and backs off
 *   (`LiveMarginSchedule`). Each LIVE value carries its fetch time on the wall clock, and the
 *   `api` process answers one older than its `freshForMs` (`FRESH_FOR_PERIODS` refresh periods) as unknown.
 * The `api` process only shows these figures: its orders run in the lease holder's gateway,
 * which asks its own broker for the margin of each order.
 */
@Injectable()
export class SharedAccountMargins implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SharedAccountMargins');
  private readonly schedule: LiveMarginSchedule;
  /** LIVE accounts whose refresh is running (a slow broker never starts a second one). */
  private readonly refreshing = new Set<number>();
  /** LIVE accounts whose paper figure from before the switch was looked for and dropped. */
  private readonly liveSeen = new Set<number>();
  private redis?: Redis;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EXECUTION_CLIENTS) private readonly clients: ExecutionClientRegistry,
    private readonly leases: AccountLeases,
    /** Stamps and ages the LIVE figures: the real time of the broker call, the same in every process. */
    @Inject(WALL_CLOCK) private readonly wall: Clock,
    private readonly gate: ReconciliationGate,
    @Inject(LIVE_MARGIN_REFRESH_MS) private readonly refreshMs: number,
    /** Whether NSE is in session or pre-open: the LIVE refresh slows down outside it. */
    @Inject(MARKET_CLOCK) private readonly marketClock: Clock,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
  ) {
    this.schedule = new LiveMarginSchedule(refreshMs);
  }

  /** The LIVE refresh period now: `refreshMs` in the session and its pre-open, `OFF_SESSION_REFRESH_FACTOR` times longer otherwise (a broker's daily call allowance). */
  private refreshPeriodMs(): number {
    const state = marketSessionState(this.calendar, this.marketClock.nowMs());
    return state === 'OPEN' || state === 'PRE_OPEN' ? this.refreshMs : this.refreshMs * OFF_SESSION_REFRESH_FACTOR;
  }

  /** Whether this process reads the workers' stored margins (an `api` process sharing Redis). */
  get readsShared(): boolean {
    return this.config.redisUrl !== undefined && !this.leases.runsWorkerDuties;
  }

  /** Whether this process stores margins (a worker sharing Redis). */
  private get writes(): boolean {
    return this.config.redisUrl !== undefined && this.leases.runsWorkerDuties;
  }

  onApplicationBootstrap(): void {
    if (!this.writes) return;
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

  /** The stored margin of an account (a LIVE one only while fresh, with its fetch time as `asOfMs`); null when none, stale, or Redis does not answer. */
  async read(accountId: number): Promise<BrokerMargin | null> {
    const raw = await this.client()
      .hget(this.key(), String(accountId))
      .catch(() => null);
    return marginOfStored(raw, this.wall.nowMs());
  }

  /**
   * Write-through: a LIVE margin this process has just fetched from the broker (the gateway's
   * or `AccountMarginService`'s call), stored when this process holds the account's lease.
   * Returns at once; a failed write is logged.
   */
  storeLive(accountId: number, client: ExecutionClient, margin: BrokerMargin): void {
    if (!this.writes || !isLiveClient(client) || !this.leases.heldAccounts().includes(accountId)) return;
    void this.putLive(accountId, margin).catch((error: Error) => this.logger.warn(`account ${accountId}: live margin not stored (Redis: ${error.message})`));
  }

  /** A worker's side: the margins of the paper accounts it holds, and the refresh of its LIVE ones when due. */
  async writeHeld(): Promise<void> {
    for (const accountId of this.leases.heldAccounts()) {
      const client = this.clients.get(accountId);
      if (!client) continue;
      if (isLiveClient(client)) {
        // Not awaited: a slow broker never holds up the paper accounts' figures.
        void this.refreshLive(accountId, client);
        continue;
      }
      this.liveSeen.delete(accountId);
      this.schedule.forget(accountId);
      try {
        const margin = await client.availableMargin();
        await this.client().hset(this.key(), String(accountId), paperMarginRecord(margin, this.wall.nowMs()));
      } catch (error) {
        this.logger.warn(`account ${accountId}: margin not stored: ${(error as Error).message}`);
      }
    }
  }

  /** One LIVE account's refresh, when connected and due; a failure stores nothing and waits longer. */
  private async refreshLive(accountId: number, client: ExecutionClient): Promise<void> {
    if (this.refreshing.has(accountId)) return;
    this.refreshing.add(accountId);
    try {
      if (!this.liveSeen.has(accountId)) {
        await this.dropPaperFigure(accountId);
        this.liveSeen.add(accountId);
      }
      if (this.gate.stateOf(accountId) === 'PENDING' || !this.schedule.isDue(accountId, this.wall.nowMs())) return;
      let margin: BrokerMargin;
      try {
        margin = await client.availableMargin();
      } catch (error) {
        const waitMs = this.schedule.failed(accountId, this.wall.nowMs(), error);
        this.logger.warn(`account ${accountId}: live margin not stored, the broker did not answer it (${describeMarginFailure(error)}); next try in ${Math.round(waitMs / 1000)} s`);
        return;
      }
      await this.putLive(accountId, margin);
    } catch (error) {
      this.logger.warn(`account ${accountId}: live margin not stored (Redis: ${(error as Error).message})`);
    } finally {
      this.refreshing.delete(accountId);
    }
  }

  private async putLive(accountId: number, margin: BrokerMargin): Promise<void> {
    const asOfWallMs = this.wall.nowMs();
    const periodMs = this.refreshPeriodMs();
    this.schedule.stored(accountId, asOfWallMs, periodMs);
    await this.client().hset(this.key(), String(accountId), liveMarginRecord(margin, asOfWallMs, periodMs * FRESH_FOR_PERIODS));
  }

  /** The paper book's last figure of an account now LIVE is not its margin: dropped, so the `api` process says unknown until a LIVE one is stored. */
  private async dropPaperFigure(accountId: number): Promise<void> {
    const raw = await this.client().hget(this.key(), String(accountId));
    if (raw !== null && !isLiveMarginRecord(raw)) await this.client().hdel(this.key(), String(accountId));
  }

  private key(): string {
    return sharedMarginsKey(this.config.jobs.queuePrefix);
  }

  private client(): Redis {
    if (!this.redis) {
      this.redis = new (loadIoredis())(this.config.redisUrl as string, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
      this.redis.on('error', () => undefined);
    }
    return this.redis;
  }
}
