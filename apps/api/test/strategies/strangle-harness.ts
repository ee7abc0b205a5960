import { createDefaultNseCalendar, epochMsOfIst, FixedClock, type ExecutionClient, type MarketDataPort, type NseCalendar } from '@mcube/domain';
import { InMemoryPaperBookStore, PaperExecutionClient } from '@mcube/brokers-paper';
import { MarketSimulator } from '@mcube/market-sim';
import type { DataSource } from 'typeorm';
import { InProcessJobQueue } from '../../src/jobs/in-process-job-queue';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { registerJobHandlersOf } from '../../src/jobs/job-handlers.discovery';
import type { JobQueue, JobStatus } from '../../src/jobs/job-queue.port';
import { JOB_NAMES } from '../../src/jobs/job-registry';
import { JobRunner } from '../../src/jobs/job-runner';
import { ScheduleTicker } from '../../src/jobs/schedule-ticker';
import type { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import type { AlertChannelRegistry } from '../../src/modules/alerts/channels/alert-channel.registry';
import { AlertContentRegistry } from '../../src/modules/alerts/delivery/alert-content.registry';
import { AlertDeliveryService } from '../../src/modules/alerts/delivery/alert-delivery.service';
import { AlertDispatcher } from '../../src/modules/alerts/delivery/alert-dispatcher.service';
import type { AlertRetryPolicy } from '../../src/modules/alerts/delivery/alert-retry-policy';
import { ChannelFailureNotifier } from '../../src/modules/alerts/delivery/channel-failure.notifier';
import { AlertRoutesService } from '../../src/modules/alerts/settings/alert-routes.service';
import { AuditService } from '../../src/modules/core/audit/audit.service';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { EconomicEvent } from '../../src/modules/data/entities/economic-event.entity';
import { EconomicEventsService } from '../../src/modules/data/events/economic-events.service';
import { MarketEventsSyncService } from '../../src/modules/data/events/market-events-sync.service';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { AccountMarginService } from '../../src/modules/orders/account-margin.service';
import { ApplyFillService } from '../../src/modules/orders/apply-fill.service';
import { CancelOrderService } from '../../src/modules/orders/cancel-order.service';
import { ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { SettleInFlightService } from '../../src/modules/orders/settle-in-flight.service';
import type { OrdersService } from '../../src/modules/orders/order-gateway.service';
import type { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import { buildGateway } from '../orders/gateway-factory';
import { CircuitBreakerTripService } from '../../src/modules/risk/breaker/circuit-breaker-trip.service';
import { ManualExitService } from '../../src/modules/positions/manual-exit.service';
import { PositionMonitorService } from '../../src/modules/positions/position-monitor.service';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { KotakStrangleRunner } from '../../src/modules/strategies/runtime/kotak-strangle.runner';
import { StrategyJobHandlers } from '../../src/modules/strategies/runtime/strategy-job-handlers';
import { StrategyOrderUpdates } from '../../src/modules/strategies/runtime/strategy-order-updates';
import { OrderUpdatesPublisher } from '../../src/modules/orders/events/order-updates.publisher';
import type { IciciFuturesRunner } from '../../src/modules/strategies/icici/icici-futures.runner';
import type { StrangleRuntimeSettings } from '../../src/modules/strategies/runtime/strategy-runtime.tokens';
import { TRADING_ACCOUNT_SEEDS } from '../../src/cli/trading-account-seeds';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { insertAccount } from '../db/fixtures';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { ExitChaserService } from '../../src/modules/positions/exit-chaser.service';
import { deletePrefix, memoryLogger, SHARED_REDIS_URL, startBullMqJobQueue, uniquePrefix } from '../jobs/job-test-kit';
import { simQuotes } from '../orders/sim-contract-quotes';
import { StrategySettingsQuery } from '../../src/modules/strategies/parameters/strategy-settings.query';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';
import { PositionLedgerService } from '../../src/modules/positions/position-ledger.service';

/** Order-sync passes at most per step: one, and another while the pushed updates made the strategy send orders. */
const SYNC_PASSES = 3;

/** A broker other than paper driven by the harness: `sync` after each step's jobs (its market moves), then settlement. */
export interface SteppedBroker {
  readonly client: ExecutionClient;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** Which job driver runs the schedule. */
export type DriverKind = 'in-process' | 'bullmq';

/**
 * The API's strangle path built from its real classes on a fresh SQLite database: the seeded
 * MarketSimulator on a FixedClock (the market clock, the jobs clock and the process clock are
 * that one clock), the paper broker behind the order gateway, the position monitor, the
 * strangle runner and its job handlers registered in a JobHandlersRegistry, a job driver
 * (in-process, or BullMQ on the shared Redis under a unique prefix) and the ScheduleTicker; the
 * simulator's economic events copied into the stored calendar (which the strategy reads).
 * Every other job of the registry gets a no-op handler (their modules are not under test).
 * `step(ms)` is one schedule tick at that instant: the ticker enqueues what is due, the test
 * waits for those jobs, then one order-sync pass (paper matching + settlement) runs, as
 * `OrderSyncScheduler.tick` does in the API.
 */
export interface StrangleHarness {
  readonly db: TestDatabase;
  readonly dataSource: DataSource;
  readonly clock: FixedClock;
  readonly calendar: NseCalendar;
  readonly market: MarketSimulator;
  readonly paper: PaperExecutionClient;
  readonly account: BrokerAccount;
  readonly queue: JobQueue;
  readonly runner: KotakStrangleRunner;
  readonly bus: AppEventsBus;
  /** The alert dispatcher when `alerts` was given (its jobs run on `queue`). */
  readonly dispatcher?: AlertDispatcher;
  /** Jobs that ended failed (should stay empty). */
  readonly failures: JobStatus[];
  step(atMs: number): Promise<void>;
  /**
   * One order-sync pass (paper matching or the other broker's sync, then settlement) with no
   * job run and the clock unmoved, then waits for the strategies' handling of the pushed order
   * updates: what a fill arriving between two monitor ticks does.
   */
  syncOrders(): Promise<void>;
  /** The order updates pushed to the runners (its `settled()` waits for their handling). */
  readonly orderUpdates: StrategyOrderUpdates;
  close(): Promise<void>;
}

/** The API's strangle path on a migrated database: what the harness, the crash child and its restart share. */
export interface StrangleRuntime {
  readonly orders: OrdersService;
  readonly settle: SettleInFlightService;
  readonly fills: ApplyFillService;
  /** The positions module's ledger the gateway and the fill path write through. */
  readonly ledger: PositionLedgerService;
  readonly runner: KotakStrangleRunner;
  readonly bus: AppEventsBus;
  /** The strategy jobs' handlers (on the registry the caller passed, if any). */
  readonly handlers: JobHandlersRegistry;
  readonly registry: ExecutionClientRegistry;
  /** The circuit breaker (what the `risk.circuit-breakers` job runs). */
  readonly breaker: CircuitBreakerTripService;
  /** Pushes `order.updated` (published after commit, as the orders module does) to the runners; `settled()` waits for what it started. */
  readonly orderUpdates: StrategyOrderUpdates;
}

/**
 * Wires the gateway (the paper broker for `accountId`), positions, breaker, monitor, exit chaser,
 * the stored events calendar, the strangle runner and its job handlers, as the API's modules do.
 * `gate` makes the risk context wait for reconciliation (a restarted process); `handlers`, `bus`
 * and `alerts` default to new ones (the harness passes its own, wired to its job queue).
 */
export function buildStrangleRuntime(p: {
  dataSource: DataSource;
  clock: FixedClock;
  calendar: NseCalendar;
  market: MarketDataPort;
  paper: ExecutionClient;
  accountId: number;
  runtime?: StrangleRuntimeSettings;
  gate?: ReconciliationGate;
  handlers?: JobHandlersRegistry;
  bus?: AppEventsBus;
  alerts?: AlertsService;
  /** Builds the ICICI futures runner over this runtime's gateway (ticked by `positions.monitor`, as in the API). */
  icici?: (parts: { orders: OrdersService; cancels: CancelOrderService; margins: AccountMarginService; alerts: AlertsService; bus: AppEventsBus }) => IciciFuturesRunner;
}): StrangleRuntime {
  const { dataSource, clock, calendar, market } = p;
  const sleep = async (ms: number) => clock.advance(ms);
  const registry = new ExecutionClientRegistry();
  registry.register(p.accountId, p.paper);
  const ledger = new PositionLedgerService();
  const fills = new ApplyFillService(dataSource, clock, ledger);
  const settle = new SettleInFlightService(dataSource, clock, registry, fills, ledger);
  const orders = buildGateway({ dataSource, clock, sleep, registry, ledger, riskContext: new RiskContextService(dataSource, clock, calendar, new RiskPositionsQuery(dataSource), new DailyPnlHistoryQuery(dataSource), p.gate), market });
  const cancels = new CancelOrderService(dataSource, clock, registry);
  const bus = p.bus ?? new AppEventsBus();
  const alerts = p.alerts ?? new AlertsService(dataSource, bus);
  const manualExits = new ManualExitService(dataSource, orders, simQuotes(market), clock);
  const breaker = new CircuitBreakerTripService(dataSource, clock, manualExits, new RiskPositionsQuery(dataSource), new DailyPnlHistoryQuery(dataSource), alerts);
  const monitor = new PositionMonitorService(dataSource, clock, simQuotes(market), breaker, calendar, bus);
  // The stored events calendar the strategy reads (the API's sync job copies the simulator's events into it).
  const events = new EconomicEventsService(dataSource.getRepository(EconomicEvent), dataSource, new AuditService(dataSource.getRepository(AuditLogEntity)));
  const margins = new AccountMarginService(registry);
  const runner = new KotakStrangleRunner(dataSource, market, clock, calendar, orders, cancels, margins, alerts, bus, events, p.runtime ?? {});
  const handlers = p.handlers ?? new JobHandlersRegistry();
  const icici = p.icici?.({ orders, cancels, margins, alerts, bus });
  registerJobHandlersOf(handlers, new StrategyJobHandlers(runner, monitor, new ExitChaserService(dataSource, clock, simQuotes(market), cancels, manualExits, new StrategySettingsQuery(dataSource)), icici));
  // As the API wires them: order events after commit, pushed to the strategies as they happen.
  new OrderUpdatesPublisher(dataSource, bus).onModuleInit();
  const orderUpdates = new StrategyOrderUpdates(bus, runner, icici);
  orderUpdates.onModuleInit();
  return { orders, settle, fills, ledger, runner, bus, handlers, registry, breaker, orderUpdates };
}

/** Inserts the Kotak account and its active strangle configuration as `init` seeds them, the parameters overridden by `parameters`. */
export async function seedStrangleAccount(dataSource: DataSource, parameters: Record<string, unknown> = {}): Promise<BrokerAccount> {
  const seed = TRADING_ACCOUNT_SEEDS.find((s) => s.broker === 'KOTAK')!;
  const account = await insertAccount(dataSource, { broker: 'KOTAK', allocatedCapitalPaise: seed.allocatedCapitalPaise, isPaperTrading: true });
  await dataSource.getRepository(StrategyConfig).save({ accountId: account.id, strategyType: 'WEEKLY_NIFTY_STRANGLE', isActive: true, parameters: { ...seed.parameters, ...parameters } });
  return account;
}

/** Builds the harness with the Kotak account seeded as `init` seeds it, its parameters overridden by `parameters`. */
export async function startStrangleHarness(opts: {
  driver: DriverKind;
  seed: number;
  startDate: string;
  parameters?: Record<string, unknown>;
  runtime?: StrangleRuntimeSettings;
  /** Alerts leave the box through these channels (delivery jobs on the harness's queue). */
  alerts?: { channels: AlertChannelRegistry; policy: AlertRetryPolicy };
  /** Also run the `risk.circuit-breakers` job (every 30 s of the schedule) with the real breaker. */
  breakers?: boolean;
  /** Runs on the migrated database before anything starts (risk limits, users…). */
  seedData?: (ds: DataSource, accountId: number) => Promise<void>;
  /** Another broker in place of the paper one (the Kotak adapter over its local server); `sync` runs where the paper matching would. */
  broker?: (p: { clock: FixedClock; market: MarketSimulator; account: BrokerAccount }) => Promise<SteppedBroker>;
}): Promise<StrangleHarness> {
  const db = await createTestDatabase(undefined, { migrated: true });
  const dataSource = await db.openMigrated();
  const clock = new FixedClock(epochMsOfIst(opts.startDate, '09:15'));
  const sleep = async (ms: number) => clock.advance(ms);
  const calendar = createDefaultNseCalendar();
  // The clock moves in 5-minute steps, so the simulator ticks every 5 minutes too (its default is 1 s).
  const market = new MarketSimulator({ seed: opts.seed, startDate: opts.startDate, calendar, tickIntervalMs: 5 * 60_000 }, clock);
  const account = await seedStrangleAccount(dataSource, opts.parameters);
  await opts.seedData?.(dataSource, account.id);
  await new MarketEventsSyncService(dataSource, market, clock, 'sim').run();
  const handlers = new JobHandlersRegistry();
  const logger = memoryLogger();
  const jobRunner = new JobRunner({ handlers, clock, calendar, logger });
  const prefix = uniquePrefix();
  const queue: JobQueue =
    opts.driver === 'in-process'
      ? new InProcessJobQueue({ runner: jobRunner, handlers, clock, logger, sleep: async () => undefined })
      : await startBullMqJobQueue({ redisUrl: SHARED_REDIS_URL, prefix, runner: jobRunner, handlers, logger });

  const paper = await PaperExecutionClient.create({ config: { capitalPaise: account.allocatedCapitalPaise }, clock, marketData: market, store: new InMemoryPaperBookStore(), sleep });
  const other = opts.broker ? await opts.broker({ clock, market, account }) : undefined;
  const client: ExecutionClient = other?.client ?? paper;
  const bus = new AppEventsBus();
  const dispatcher = opts.alerts ? new AlertDispatcher(dataSource, new AlertRoutesService(dataSource, opts.alerts.channels), opts.alerts.channels, queue, clock) : undefined;
  const alerts = new AlertsService(dataSource, bus, dispatcher);
  if (opts.alerts) registerJobHandlersOf(handlers, new AlertDeliveryService(dataSource, queue, opts.alerts.channels, clock, opts.alerts.policy, new AlertContentRegistry(), new ChannelFailureNotifier(alerts)));
  const { runner, settle, breaker, orderUpdates } = buildStrangleRuntime({ dataSource, clock, calendar, market, paper: client, accountId: account.id, runtime: opts.runtime, handlers, bus, alerts });
  if (opts.breakers) handlers.register('risk.circuit-breakers', async () => void (await breaker.evaluateAll()), 'test: breakers');
  for (const name of JOB_NAMES) if (!handlers.ownerOf(name)) handlers.register(name, async () => undefined, 'not under test');
  await queue.startProcessing();
  const ticker = new ScheduleTicker(queue, clock, calendar, 0);
  const failures: JobStatus[] = [];
  const syncOrders = async () => {
    if (other) await other.sync();
    else await paper.matchNow();
    await settle.settleAccount(account.id, client);
    await orderUpdates.settled();
  };

  return {
    db,
    dataSource,
    clock,
    calendar,
    market,
    paper,
    account,
    queue,
    runner,
    bus,
    dispatcher,
    failures,
    async step(atMs) {
      clock.set(atMs);
      const enqueued = (await ticker.tick()).filter((r) => !r.duplicate);
      if (queue instanceof InProcessJobQueue) await queue.onIdle();
      for (const { jobId } of enqueued) {
        const job = await finished(queue, jobId);
        if (job.state === 'failed') failures.push(job);
      }
      await orderUpdates.settled();
      // The API's order sync runs every 2 s: what the pushed updates made the strategy send (an
      // unwind, a re-priced close) gets its match passes before the next 5-minute tick.
      for (let pass = 0; pass < SYNC_PASSES; pass++) {
        const before = await dataSource.getRepository(Order).count();
        await syncOrders();
        if ((await dataSource.getRepository(Order).count()) === before) break;
      }
    },
    syncOrders,
    orderUpdates,
    async close() {
      await queue.close();
      await other?.close();
      if (opts.driver === 'bullmq') await deletePrefix(SHARED_REDIS_URL, prefix);
      await db.dispose();
    },
  };
}

/** Waits (polling every 2 ms of real time) until the job completed or failed; throws after 15 s. */
export async function finished(queue: JobQueue, jobId: string): Promise<JobStatus> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const job = await queue.getJob(jobId);
    if (job && (job.state === 'completed' || job.state === 'failed')) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish (state ${job?.state ?? 'unknown'})`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
