import { randomBytes } from 'node:crypto';
import { KOTAK_TEST_START_MS, KotakNeoFakeServer, type KotakNeoFakeServerOptions } from '@mcube/brokers-kotak-neo/testing';
import { createDefaultNseCalendar, FixedClock } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { parseCredentialKey } from '../../src/config/load-config';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { registerJobHandlersOf } from '../../src/jobs/job-handlers.discovery';
import { credentialAad, CredentialCipher } from '../../src/modules/accounts/credentials/credential-cipher';
import { ApiCredential } from '../../src/modules/accounts/entities/api-credential.entity';
import type { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AuditService } from '../../src/modules/core/audit/audit.service';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { InstrumentStore } from '../../src/modules/data/instruments/instrument-store.service';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { ApplyFillService } from '../../src/modules/orders/apply-fill.service';
import { CancelOrderService } from '../../src/modules/orders/cancel-order.service';
import { ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { BrokerConnections } from '../../src/modules/orders/live/broker-connections.service';
import { BrokerJobHandlers } from '../../src/modules/orders/live/broker-job-handlers';
import { KotakLiveBrokers } from '../../src/modules/orders/live/kotak-live-brokers.service';
import { LiveMarketData } from '../../src/modules/orders/live/live-market-data.service';
import { LiveModeService } from '../../src/modules/orders/live/live-mode.service';
import { OrderSyncScheduler } from '../../src/modules/orders/paper/order-sync.scheduler';
import { SharedAccountMargins } from '../../src/modules/orders/paper/shared-account-margins';
import { DEFAULT_LIVE_MARGIN_REFRESH_MS } from '../../src/modules/orders/live/live-margin-schedule';
import { ReconciliationService } from '../../src/modules/orders/reconciliation.service';
import { SettleInFlightService } from '../../src/modules/orders/settle-in-flight.service';
import type { OrdersService } from '../../src/modules/orders/order-gateway.service';
import { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import type { AccountLeases } from '../../src/roles/account-leases';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { TradingStateService } from '../../src/modules/risk/context/trading-state.service';
import { KillSwitchService } from '../../src/modules/risk/kill-switch/kill-switch.service';
import { insertAccount } from '../db/fixtures';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { buildGateway } from '../orders/gateway-factory';
import { QuoteBoard } from '../orders/quote-board.fake';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';
import { PositionLedgerService } from '../../src/modules/positions/position-ledger.service';

/**
 * The API's live Kotak path built from its real classes over a migrated SQLite database and the
 * local fake Neo server (`@mcube/brokers-kotak-neo/testing`) on loopback: one Kotak account with
 * its credentials sealed as the accounts module stores them, `KotakLiveBrokers` pointed at the
 * fake's login URL, the registry following stored modes (`BrokerConnections`), the guarded
 * switch, the broker jobs' handlers, and the order gateway (its figures on Kotak's spot while
 * the account is LIVE, `LiveMarketData`). One FixedClock is the wall and the
 * market clock (Monday 2026-08-10 09:20 IST, the fake master's day); sleeps advance it.
 */
/** Short Kotak client deadlines for loopback tests. */
export const KOTAK_TEST_TUNING = { timeouts: { loginMs: 3_000, orderMs: 1_500, readMs: 1_500, masterMs: 3_000 } };

export interface KotakLiveHarness {
  readonly db: TestDatabase;
  readonly dataSource: DataSource;
  readonly clock: FixedClock;
  readonly server: KotakNeoFakeServer;
  readonly account: BrokerAccount;
  readonly config: AppConfig;
  readonly registry: ExecutionClientRegistry;
  readonly instruments: InstrumentStore;
  readonly live: KotakLiveBrokers;
  readonly jobs: BrokerJobHandlers;
  readonly handlers: JobHandlersRegistry;
  readonly modes: LiveModeService;
  readonly scheduler: OrderSyncScheduler;
  readonly reconciliation: ReconciliationService;
  readonly gate: ReconciliationGate;
  readonly orders: OrdersService;
  readonly settle: SettleInFlightService;
  readonly cancel: CancelOrderService;
  /** The configured source of the gateway's figures (NIFTY 50 at 24,000); a LIVE account's spot comes from Kotak instead (`liveMarket`). */
  readonly market: QuoteBoard;
  /** The per-account market router the gateway's figures use, as in the API. */
  readonly liveMarket: LiveMarketData;
  /** The gateway's store of a LIVE account's fetched margin (with `opts.sharedMargins`; its timer not started). */
  readonly sharedMargins?: SharedAccountMargins;
  /** Logs in, loads the master and switches the account LIVE through the guarded switch. */
  goLive(): Promise<void>;
  close(): Promise<void>;
}

export async function startKotakLive(
  opts: { liveTrading?: boolean; credentials?: boolean; runWorkers?: boolean; master?: KotakNeoFakeServerOptions['master']; fillOnCross?: boolean; leases?: AccountLeases; sharedMargins?: { redisUrl: string; queuePrefix: string } } = {},
): Promise<KotakLiveHarness> {
  const db = await createTestDatabase('sqlite');
  const dataSource = await db.openMigrated();
  const clock = new FixedClock(KOTAK_TEST_START_MS);
  const sleep = async (ms: number) => clock.advance(ms);
  const server = await KotakNeoFakeServer.start({ clock, master: opts.master, fillOnCross: opts.fillOnCross });
  const key = parseCredentialKey(randomBytes(32).toString('base64'));
  const config = {
    liveTrading: opts.liveTrading ?? true,
    credentials: { current: key },
    jobs: { runWorkers: opts.runWorkers ?? true, schedule: false, queuePrefix: 'test' },
    brokers: { kotakNeoLoginUrl: server.loginUrl },
  } as AppConfig;
  const account = await insertAccount(dataSource, { broker: 'KOTAK', name: 'Kotak live test', isPaperTrading: true });
  const cipher = new CredentialCipher(config.credentials);
  if (opts.credentials !== false) {
    const a = server.account;
    const values: Record<string, string> = { consumerKey: a.consumerKey, ucc: a.ucc, mobileNumber: a.mobileNumber, totpSecret: a.totpSecret, mpin: a.mpin };
    await dataSource.getRepository(ApiCredential).insert(Object.entries(values).map(([field, value]) => ({ accountId: account.id, field, ...cipher.seal(value, credentialAad(account.id, field)) })));
  }
  const calendar = createDefaultNseCalendar();
  const audit = new AuditService(dataSource.getRepository(AuditLogEntity));
  const gate = new ReconciliationGate();
  const killSwitch = new KillSwitchService(dataSource, audit, clock, new TradingStateService(dataSource, gate));
  const alerts = new AlertsService(dataSource, new AppEventsBus());
  const instruments = new InstrumentStore(dataSource);
  await instruments.reload();
  const live = new KotakLiveBrokers(dataSource, config, clock, sleep, instruments, killSwitch, alerts, calendar, KOTAK_TEST_TUNING, opts.leases);
  const registry = new ExecutionClientRegistry();
  const ledger = new PositionLedgerService();
  const fills = new ApplyFillService(dataSource, clock, ledger);
  const settle = new SettleInFlightService(dataSource, clock, registry, fills, ledger);
  const reconciliation = new ReconciliationService(dataSource, clock, registry, gate, fills, settle, alerts, ledger);
  const market = new QuoteBoard().set('NIFTY 50', { lastPrice: 24_000 });
  const connections = new BrokerConnections(dataSource, config, registry, live, gate, ledger);
  const scheduler = new OrderSyncScheduler(dataSource, market, clock, registry, reconciliation, settle, fills, connections, undefined, opts.leases);
  const modes = new LiveModeService(dataSource, config, live, instruments, audit, scheduler, ledger);
  const handlers = new JobHandlersRegistry();
  const jobs = new BrokerJobHandlers(dataSource, config, registry, live, instruments, reconciliation, alerts);
  registerJobHandlersOf(handlers, jobs);
  const riskContext = new RiskContextService(dataSource, clock, calendar, new RiskPositionsQuery(dataSource), new DailyPnlHistoryQuery(dataSource), gate, undefined, instruments);
  const liveMarket = new LiveMarketData(registry, live);
  const sharedMargins =
    opts.sharedMargins && opts.leases ? new SharedAccountMargins({ ...config, redisUrl: opts.sharedMargins.redisUrl, jobs: { ...config.jobs, role: 'worker', queuePrefix: opts.sharedMargins.queuePrefix } }, registry, opts.leases, clock, gate, DEFAULT_LIVE_MARGIN_REFRESH_MS, clock, calendar) : undefined;
  const orders = buildGateway({ dataSource, clock, sleep, registry, ledger, riskContext, market, live: liveMarket, sharedMargins });
  await scheduler.syncConnections();
  return {
    db,
    dataSource,
    clock,
    server,
    account,
    config,
    registry,
    instruments,
    live,
    jobs,
    handlers,
    modes,
    scheduler,
    reconciliation,
    gate,
    orders,
    settle,
    cancel: new CancelOrderService(dataSource, clock, registry),
    market,
    liveMarket,
    sharedMargins,
    async goLive() {
      await jobs.loginAll();
      await jobs.refreshInstruments();
      await modes.switchMode(account.id, 'LIVE', `LIVE ${account.accountNumber}`);
    },
    async close() {
      scheduler.onModuleDestroy();
      live.onModuleDestroy();
      await sharedMargins?.onApplicationShutdown();
      await server.stop();
      await db.dispose();
    },
  };
}
