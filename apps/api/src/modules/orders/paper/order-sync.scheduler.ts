import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { PaperExecutionClient } from '@mcube/brokers-paper';
import type { BrokerOrderUpdate, Clock, MarketDataPort, NseCalendar } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { HandlesJob } from '../../../jobs/handles-job.decorator';
import { OrderSyncFanOut } from './order-sync-fan-out';
import { JOB_QUEUE, type JobQueue } from '../../../jobs/job-queue.port';
import { AccountLeases } from '../../../roles/account-leases';
import { accountsWhere } from '../../accounts/account-reads';
import { MARKET_DATA, NSE_CALENDAR } from '../../data/source/market-data.tokens';
import { ApplyFillService } from '../apply-fill.service';
import { Order } from '../entities/order.entity';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from '../execution-clients.token';
import { BrokerConnections, isLiveClient } from '../live/broker-connections.service';
import { ReconciliationService } from '../reconciliation.service';
import { SettleInFlightService } from '../settle-in-flight.service';
import { DbPaperBookStore } from './db-paper-book.store';
import { paperContractRules } from './paper-contract-rules';
import { modelledFuturesMarketData } from '../../data/instruments/modelled-futures-market-data';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** How often open orders are matched (paper) and settled from the broker. */
export const ORDER_SYNC_INTERVAL_MS = 2_000;
/** How often every account is reconciled again (start-up reconciliation runs at once). */
export const RECONCILE_INTERVAL_MS = 5 * 60_000;
/** Id of the repeatable that enqueues the `brokers.order-sync` job. */
export const ORDER_SYNC_SCHEDULE_ID = 'mcube-order-sync';

/**
 * Connects the brokers and keeps the journal in step with them. At start-up: one paper
 * `ExecutionClient` per paper account (its book in the database; its pushed updates are
 * applied as they come), then a reconciliation
 * of every account (until it succeeds an account trades as HALTED). Then every
 * `ORDER_SYNC_INTERVAL_MS`: paper matching against the market source, and settling of open
 * and in-flight orders (tag lookup, fills, terminal states; never a resubmit); every
 * `RECONCILE_INTERVAL_MS` a reconciliation (which also retries a failed one). Failures are
 * logged and retried on the next tick; they never stop the API.
 *
 * The pass is the registry job `brokers.order-sync`, enqueued by a repeatable of the job system every
 * `ORDER_SYNC_INTERVAL_MS` (in-process: a timer of this process; BullMQ: one scheduler in Redis
 * whose ticks any worker may take). Only a role with worker duties connects, reconciles and
 * schedules it (an `api` process builds no broker client at all), and a pass touches only the
 * accounts this process owns (`AccountLeases`); the worker that takes a tick announces it
 * (`OrderSyncFanOut`), so every worker syncs its own accounts on every tick. Hand-built tests without
 * the job system get a plain timer.
 */
@Injectable()
export class OrderSyncScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OrderSync');
  private timer?: NodeJS.Timeout;
  private running = false;
  private lastReconcileMs = 0;
  /** When the last pass ended (wall ms): ticks queued behind a slow pass collapse into one. */
  private lastPassEndMs = -Infinity;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    @Inject(MARKET_CLOCK) private readonly marketClock: Clock,
    @Inject(EXECUTION_CLIENTS) private readonly clients: ExecutionClientRegistry,
    private readonly reconciliation: ReconciliationService,
    private readonly settle: SettleInFlightService,
    private readonly fills: ApplyFillService,
    /** Live accounts (absent in hand-built paper tests). */
    @Optional() private readonly connections?: BrokerConnections,
    /** With it, the paper broker also fills stock futures at their modelled touch (the simulator quotes the stock only). */
    @Optional() @Inject(NSE_CALENDAR) private readonly calendar?: NseCalendar,
    /** Which accounts this process syncs (absent in hand-built tests: all of them). */
    @Optional() private readonly leases?: AccountLeases,
    /** The job system (absent in hand-built tests, which get a plain timer); its discovery registers `onSyncJob`. */
    @Optional() @Inject(JOB_QUEUE) private readonly queue?: JobQueue,
    /** Shares each tick with the other workers (with REDIS_URL; absent in hand-built tests). */
    @Optional() private readonly fanOut?: OrderSyncFanOut,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // An `api` process sends no order (its order commands run in the worker holding the account):
    // no broker client, no reconciliation; its order gate reads the workers' reconciliation states (`SharedReconciliationStates`).
    if (this.leases && !this.leases.runsWorkerDuties) return;
    await this.connectPaperAccounts();
    await this.connections?.sync().catch((e: Error) => this.logger.error(`connecting the live accounts failed: ${e.message}`));
    await this.reconcileAll();
    if (this.queue) {
      // A tick another worker took runs this worker's pass too: each syncs the accounts it holds.
      await this.fanOut?.listen(() => void this.passUnlessRecent());
      // Not awaited: with Redis down at boot BullMQ waits for it, and the API must still start
      // (health then answers 503 for Redis); the repeatable is created once Redis is back.
      void this.queue
        .schedule({ id: ORDER_SYNC_SCHEDULE_ID, job: 'brokers.order-sync', everyMs: ORDER_SYNC_INTERVAL_MS })
        .catch((e: Error) => this.logger.error(`scheduling the order sync failed: ${e.message}`));
      return;
    }
    this.timer = setInterval(() => void this.tick(), ORDER_SYNC_INTERVAL_MS);
    this.timer.unref();
  }

  /** The `brokers.order-sync` job: announced to the other workers, then this worker's pass. */
  @HandlesJob('brokers.order-sync')
  private async onSyncJob(): Promise<void> {
    void this.fanOut?.announce();
    await this.passUnlessRecent();
  }

  /** One pass, unless one ended less than half an interval ago (a backlog of ticks, or a tick heard twice). */
  private async passUnlessRecent(): Promise<void> {
    if (Date.now() - this.lastPassEndMs < ORDER_SYNC_INTERVAL_MS / 2) return;
    await this.tick();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass (exposed for tests): match paper orders, settle, and reconcile when due. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.syncConnections();
      for (const [accountId, client] of this.clients.entries()) {
        // With REDIS_URL another worker may hold the account: it alone matches and settles it.
        if (this.leases && !(await this.leases.owns(accountId))) continue;
        try {
          if (client instanceof PaperExecutionClient) await client.matchNow();
          await this.settle.settleAccount(accountId, client);
        } catch (error) {
          this.logger.warn(`order sync of account ${accountId} failed: ${(error as Error).message}`);
        }
      }
      if (Date.now() - this.lastReconcileMs >= RECONCILE_INTERVAL_MS) await this.reconcileAll(true);
    } finally {
      this.running = false;
      this.lastPassEndMs = Date.now();
    }
  }

  /**
   * Follows the stored modes (a switch made by another process, a pending return to paper):
   * live adapters in or out, paper brokers for paper accounts without a client, and a
   * reconciliation of every account whose client changed (until it succeeds it trades as HALTED).
   */
  async syncConnections(): Promise<void> {
    if (!this.connections) return;
    try {
      const changed = await this.connections.sync();
      if (changed.length === 0) return;
      await this.connectPaperAccounts();
      for (const id of changed) if (this.clients.get(id)) await this.reconcileOne(id);
    } catch (error) {
      this.logger.warn(`following the stored account modes failed (retried next tick): ${(error as Error).message}`);
    }
  }

  private async connectPaperAccounts(): Promise<void> {
    try {
      const accounts = await accountsWhere(this.dataSource, { isPaperTrading: true });
      for (const a of accounts) {
        if (this.clients.get(a.id)) continue;
        const client = await PaperExecutionClient.create({
          config: { capitalPaise: a.allocatedCapitalPaise, accountId: String(a.id), idPrefix: `PAPER${a.id}`, contractRules: paperContractRules },
          clock: this.marketClock,
          marketData: this.calendar ? modelledFuturesMarketData(this.market, this.calendar, this.marketClock) : this.market,
          store: new DbPaperBookStore(this.dataSource, a.id),
        });
        this.clients.register(a.id, client);
        client.subscribeOrderUpdates((update) => void this.onUpdate(client.broker, update));
      }
    } catch (error) {
      this.logger.error(`connecting the paper accounts failed: ${(error as Error).message}`);
    }
  }

  /** A pushed update: a trade is applied at once (deduplicated), an order report settles that order. */
  private async onUpdate(broker: string, update: BrokerOrderUpdate): Promise<void> {
    try {
      if (update.type === 'TRADE') {
        await this.fills.apply(broker, update.trade);
        return;
      }
      const tag = update.order.clientOrderId;
      const order = tag ? await this.dataSource.getRepository(Order).findOne({ where: { clientOrderId: tag } }) : null;
      if (order) await this.settle.applyReport(order.id, update.order);
    } catch (error) {
      this.logger.warn(`a pushed broker update was not applied (the next poll will): ${(error as Error).message}`);
    }
  }

  private async reconcileAll(periodic = false): Promise<void> {
    this.lastReconcileMs = Date.now();
    for (const [accountId, client] of this.clients.entries()) {
      // Live accounts are reconciled in session by the `brokers.reconcile` job.
      if (periodic && isLiveClient(client)) continue;
      // Another worker holds the account: it reconciles it.
      if (periodic && this.leases && !(await this.leases.owns(accountId))) continue;
      await this.reconcileOne(accountId);
    }
  }

  private async reconcileOne(accountId: number): Promise<void> {
    try {
      const report = await this.reconciliation.reconcile(accountId);
      if (!report.ok) this.logger.error(`account ${accountId} stays HALTED: ${report.mismatches.join('; ')}`);
    } catch (error) {
      this.logger.warn(`reconciliation of account ${accountId} failed (it stays as it was): ${(error as Error).message}`);
    }
  }
}
