import { randomBytes } from 'node:crypto';
import { iciciBreezeHosts } from '@mcube/brokers-icici-breeze';
import { BREEZE_APP_KEY, BREEZE_SECRET, BREEZE_TRADE_DAY, IciciBreezeFakeServer } from '@mcube/brokers-icici-breeze/testing';
import { createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
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
import { ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { BrokerConnections } from '../../src/modules/orders/live/broker-connections.service';
import { BrokerJobHandlers } from '../../src/modules/orders/live/broker-job-handlers';
import { IciciJobs } from '../../src/modules/orders/live/icici/icici-jobs';
import { IciciLiveBrokers } from '../../src/modules/orders/live/icici/icici-live-brokers.service';
import { IciciSessionService } from '../../src/modules/orders/live/icici/icici-session.service';
import { KotakLiveBrokers } from '../../src/modules/orders/live/kotak-live-brokers.service';
import { LiveModeService } from '../../src/modules/orders/live/live-mode.service';
import { OrderSyncScheduler } from '../../src/modules/orders/paper/order-sync.scheduler';
import { ReconciliationService } from '../../src/modules/orders/reconciliation.service';
import { SettleInFlightService } from '../../src/modules/orders/settle-in-flight.service';
import { OrderFiguresService } from '../../src/modules/orders/order-figures.service';
import { OrdersService } from '../../src/modules/orders/order-gateway.service';
import { InProcessTokenSource } from '../../src/modules/orders/throttle/in-process-token-source';
import { SegmentThrottle } from '../../src/modules/orders/throttle/segment-throttle';
import { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { TradingStateService } from '../../src/modules/risk/context/trading-state.service';
import { KillSwitchService } from '../../src/modules/risk/kill-switch/kill-switch.service';
import { insertAccount } from '../db/fixtures';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { QuoteBoard } from '../orders/quote-board.fake';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';
import { PositionLedgerService } from '../../src/modules/positions/position-ledger.service';

/** The session key the local Breeze server accepts (user XY604721). */
export const ICICI_SESSION_KEY = '87324529';

/**
 * The API's live ICICI path from its real classes over a migrated SQLite database and the local
 * Breeze server (`@mcube/brokers-icici-breeze/testing`, checksum-verifying) on loopback: one ICICI
 * account with its app key and secret sealed as the accounts module stores them,
 * `IciciLiveBrokers` pointed at the server, the day-session service, the registry following the
 * stored modes, the guarded switch, the broker jobs and the order gateway. One FixedClock is the
 * wall and the market clock (Thursday 2026-08-20, the fixtures' trade day; `at` sets the time).
 */
export interface IciciLiveHarness {
  readonly db: TestDatabase;
  readonly dataSource: DataSource;
  readonly clock: FixedClock;
  readonly server: IciciBreezeFakeServer;
  readonly account: BrokerAccount;
  readonly config: AppConfig;
  readonly registry: ExecutionClientRegistry;
  readonly instruments: InstrumentStore;
  readonly live: IciciLiveBrokers;
  readonly sessions: IciciSessionService;
  readonly jobs: BrokerJobHandlers;
  readonly handlers: JobHandlersRegistry;
  readonly modes: LiveModeService;
  readonly scheduler: OrderSyncScheduler;
  readonly reconciliation: ReconciliationService;
  readonly gate: ReconciliationGate;
  readonly settle: SettleInFlightService;
  readonly orders: OrdersService;
  readonly hosts: ReturnType<typeof iciciBreezeHosts>;
  readonly killSwitch: KillSwitchService;
  readonly alerts: AlertsService;
  /** The Kotak adapters of the same process (no Kotak account here). */
  readonly kotak: KotakLiveBrokers;
  /** MCUBE_CREDENTIALS_KEY of this harness (for a CLI process over the same database). */
  readonly credentialsKeyText: string;
  /** Moves the clock forward to `time` IST of `day`. */
  at(day: string, time: string): void;
  /** Enters the day's key, loads the master and switches the account LIVE through the guarded switch. */
  goLive(): Promise<void>;
  close(): Promise<void>;
}

export async function startIciciLive(opts: { liveTrading?: boolean; credentials?: boolean; day?: string; time?: string; master?: { readonly fonse: string; readonly nse: string } } = {}): Promise<IciciLiveHarness> {
  const db = await createTestDatabase('sqlite');
  const dataSource = await db.openMigrated();
  const clock = new FixedClock(epochMsOfIst(opts.day ?? BREEZE_TRADE_DAY, opts.time ?? '10:00:00'));
  const sleep = async (ms: number) => clock.advance(ms);
  const server = await IciciBreezeFakeServer.start({ appKey: BREEZE_APP_KEY, secretKey: BREEZE_SECRET, now: () => clock.nowMs(), master: opts.master });
  const hosts = iciciBreezeHosts({
    apiUrl: server.apiUrl,
    v2Url: server.v2Url,
    loginUrl: server.loginUrl,
    securityMasterUrl: server.securityMasterUrl,
    timeouts: { orderMs: 1_500, readMs: 1_500, sessionMs: 1_500, bulkMs: 3_000 },
  });
  const credentialsKeyText = randomBytes(32).toString('base64');
  const config = {
    liveTrading: opts.liveTrading ?? true,
    credentials: { current: parseCredentialKey(credentialsKeyText) },
    jobs: { runWorkers: true, schedule: false, queuePrefix: 'test' },
    brokers: { kotakNeoLoginUrl: 'http://127.0.0.1:9' },
  } as AppConfig;
  const account = await insertAccount(dataSource, { broker: 'ICICI', name: 'ICICI live test', isPaperTrading: true, allocatedCapitalPaise: 3_00_00_000 * 100 });
  if (opts.credentials !== false) {
    const cipher = new CredentialCipher(config.credentials);
    const values: Record<string, string> = { apiKey: BREEZE_APP_KEY, apiSecret: BREEZE_SECRET };
    await dataSource.getRepository(ApiCredential).insert(Object.entries(values).map(([field, value]) => ({ accountId: account.id, field, ...cipher.seal(value, credentialAad(account.id, field)) })));
  }
  const calendar = createDefaultNseCalendar();
  const audit = new AuditService(dataSource.getRepository(AuditLogEntity));
  const gate = new ReconciliationGate();
  const killSwitch = new KillSwitchService(dataSource, audit, clock, new TradingStateService(dataSource, gate));
  const alerts = new AlertsService(dataSource, new AppEventsBus());
  const instruments = new InstrumentStore(dataSource);
  await instruments.reload();
  const kotak = new KotakLiveBrokers(dataSource, config, clock, sleep, instruments, killSwitch, alerts, calendar);
  const live = new IciciLiveBrokers(dataSource, config, clock, sleep, instruments, killSwitch, alerts, { hosts, settle: { attempts: 2, delayMs: 0 }, minMarketCallIntervalMs: 0 });
  const sessions = new IciciSessionService(dataSource, config, clock, calendar, live, alerts, audit);
  const registry = new ExecutionClientRegistry();
  const ledger = new PositionLedgerService();
  const fills = new ApplyFillService(dataSource, clock, ledger, undefined, instruments);
  const settle = new SettleInFlightService(dataSource, clock, registry, fills, ledger);
  const reconciliation = new ReconciliationService(dataSource, clock, registry, gate, fills, settle, alerts, ledger);
  const market = new QuoteBoard().set('NIFTY 50', { lastPrice: 24_600 }).set('RELIANCE', { lastPrice: 1_400 });
  const connections = new BrokerConnections(dataSource, config, registry, kotak, gate, ledger, live);
  const scheduler = new OrderSyncScheduler(dataSource, market, clock, registry, reconciliation, settle, fills, connections);
  const modes = new LiveModeService(dataSource, config, kotak, instruments, audit, scheduler, ledger, live);
  const handlers = new JobHandlersRegistry();
  const iciciJobs = new IciciJobs(dataSource, config, live, instruments, alerts, sessions);
  const jobs = new BrokerJobHandlers(dataSource, config, registry, kotak, instruments, reconciliation, alerts, iciciJobs);
  registerJobHandlersOf(handlers, jobs);
  registerJobHandlersOf(handlers, iciciJobs);
  const riskContext = new RiskContextService(dataSource, clock, calendar, new RiskPositionsQuery(dataSource), new DailyPnlHistoryQuery(dataSource), gate, undefined, instruments);
  // As in the API: the gateway reads lot sizes and freeze quantities from the stored masters (ICICI's here).
  const orders = new OrdersService(dataSource, clock, new SegmentThrottle(new InProcessTokenSource(clock), sleep), registry, riskContext, new OrderFiguresService(market), ledger, undefined, instruments);
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
    sessions,
    jobs,
    handlers,
    modes,
    scheduler,
    reconciliation,
    gate,
    settle,
    orders,
    hosts,
    killSwitch,
    alerts,
    kotak,
    credentialsKeyText,
    at(day: string, time: string) {
      clock.advance(epochMsOfIst(day, time) - clock.nowMs());
    },
    async goLive() {
      await sessions.enter(account.id, ICICI_SESSION_KEY);
      await handlers.handlerFor('instruments.refresh')({ slot: `${BREEZE_TRADE_DAY}T08:45:00` } as never, {} as never);
      await modes.switchMode(account.id, 'LIVE', `LIVE ${account.accountNumber}`);
    },
    async close() {
      scheduler.onModuleDestroy();
      live.onModuleDestroy();
      kotak.onModuleDestroy();
      await server.stop();
      await db.dispose();
    },
  };
}
