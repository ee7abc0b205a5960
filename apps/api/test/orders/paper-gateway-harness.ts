import { createDefaultNseCalendar, FixedClock, type CommandInstrument, type MarketQuote } from '@mcube/domain';
import { InMemoryPaperBookStore, PaperExecutionClient, simContractSymbolOf, type PaperBookStore, type PaperBrokerConfig } from '@mcube/brokers-paper';
import { QuoteBoard } from './quote-board.fake';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { ApplyFillService } from '../../src/modules/orders/apply-fill.service';
import { CancelOrderService } from '../../src/modules/orders/cancel-order.service';
import { ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { SettleInFlightService } from '../../src/modules/orders/settle-in-flight.service';
import type { OrdersService } from '../../src/modules/orders/order-gateway.service';
import { buildGateway } from './gateway-factory';
import type { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import type { DataSource } from 'typeorm';
import { insertAccount } from '../db/fixtures';
import { createTestDatabase, type TestDatabase, type TestDialect } from '../db/test-database';
import { SESSION_MS } from './gateway-harness';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';
import { PositionLedgerService } from '../../src/modules/positions/position-ledger.service';

/** The gateway over the PAPER broker (`@mcube/brokers-paper`) with a scripted market and a fixed clock. */
export interface PaperGatewayHarness {
  db: TestDatabase;
  dataSource: DataSource;
  clock: FixedClock;
  paper: PaperExecutionClient;
  market: QuoteBoard;
  store: PaperBookStore;
  account: BrokerAccount;
  orders: OrdersService;
  fills: ApplyFillService;
  settle: SettleInFlightService;
  cancel: CancelOrderService;
  /** Sends `quotes` to the paper broker (fills what crosses), then settles the account's orders from its book. */
  trade(quotes: readonly Omit<MarketQuote, 'asOfMs'>[]): Promise<void>;
  close(): Promise<void>;
}

/** The quote symbol the paper broker asks for. */
export const quoteSymbol = (i: CommandInstrument, segment: 'NFO-OPT' | 'NFO-FUT' = 'NFO-OPT'): string => simContractSymbolOf({ ...i, segment });

/** Builds it (this test pass's database unless told); paper capital ₹6 Cr, NIFTY spot 23,400. */
export async function startPaperGateway(opts: { dialect?: TestDialect; config?: Partial<PaperBrokerConfig>; store?: PaperBookStore; db?: TestDatabase } = {}): Promise<PaperGatewayHarness> {
  const db = opts.db ?? (await createTestDatabase(opts.dialect, { migrated: true }));
  const dataSource = await db.openMigrated();
  const clock = new FixedClock(SESSION_MS);
  const sleep = async (ms: number) => clock.advance(ms);
  const market = new QuoteBoard().set('NIFTY 50', { lastPrice: 23400 });
  const store = opts.store ?? new InMemoryPaperBookStore();
  const paper = await PaperExecutionClient.create({ config: { capitalPaise: 6_00_00_000_00, ...opts.config }, clock, marketData: market, store, sleep });
  const account = await insertAccount(dataSource);
  const registry = new ExecutionClientRegistry();
  registry.register(account.id, paper);
  const ledger = new PositionLedgerService();
  const fills = new ApplyFillService(dataSource, clock, ledger);
  const settle = new SettleInFlightService(dataSource, clock, registry, fills, ledger);
  return {
    db,
    dataSource,
    clock,
    paper,
    market,
    store,
    account,
    orders: buildGateway({ dataSource, clock, sleep, registry, ledger, riskContext: new RiskContextService(dataSource, clock, createDefaultNseCalendar(), new RiskPositionsQuery(dataSource), new DailyPnlHistoryQuery(dataSource)), market }),
    fills,
    settle,
    cancel: new CancelOrderService(dataSource, clock, registry),
    trade: async (quotes) => {
      await paper.onMarket(quotes.map((q) => ({ ...q, asOfMs: clock.nowMs() })));
      await settle.settleAccount(account.id);
    },
    close: () => db.dispose(),
  };
}
