import { createDefaultNseCalendar, epochMsOfIst, FixedClock, type EntryCommand, type OrderCommand } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import type { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { ApplyFillService } from '../../src/modules/orders/apply-fill.service';
import { CancelOrderService } from '../../src/modules/orders/cancel-order.service';
import { ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import type { EntryResult, SubmitResult } from '../../src/modules/orders/gateway-intent';
import { SettleInFlightService } from '../../src/modules/orders/settle-in-flight.service';
import type { OrdersService } from '../../src/modules/orders/order-gateway.service';
import { insertAccount } from '../db/fixtures';
import { createTestDatabase, TEST_DIALECT, TestDatabase, type TestDialect } from '../db/test-database';
import { FakeExecutionClient } from './fake-execution-client';
import { buildGateway } from './gateway-factory';
import { QuoteBoard } from './quote-board.fake';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';
import { PositionLedgerService } from '../../src/modules/positions/position-ledger.service';

/** 2026-03-10 10:00 IST: a Tuesday inside the F&O session. */
export const SESSION_MS = epochMsOfIst('2026-03-10', '10:00:00');

/** The gateway's services on a fresh migrated database, a fixed clock whose sleep advances it (the wall clock too), NIFTY spot 23,400 and a fake broker for one Kotak account. */
export interface GatewayHarness {
  db: TestDatabase;
  dataSource: DataSource;
  clock: FixedClock;
  broker: FakeExecutionClient;
  account: BrokerAccount;
  orders: OrdersService;
  fills: ApplyFillService;
  settle: SettleInFlightService;
  cancel: CancelOrderService;
  registry: ExecutionClientRegistry;
  /** The market the gateway's margin model reads (NIFTY 50 at 23,400). */
  market: QuoteBoard;
  close(): Promise<void>;
}

/** Builds the harness (this test pass's database unless told). */
export async function startGateway(dialect: TestDialect = TEST_DIALECT): Promise<GatewayHarness> {
  const db = await createTestDatabase(dialect, { migrated: true });
  const dataSource = await db.openMigrated();
  const clock = new FixedClock(SESSION_MS);
  const sleep = async (ms: number) => clock.advance(ms);
  const registry = new ExecutionClientRegistry();
  const broker = new FakeExecutionClient(clock);
  const account = await insertAccount(dataSource);
  registry.register(account.id, broker);
  const ledger = new PositionLedgerService();
  const fills = new ApplyFillService(dataSource, clock, ledger);
  const market = new QuoteBoard().set('NIFTY 50', { lastPrice: 23_400 });
  return {
    db,
    dataSource,
    clock,
    broker,
    account,
    registry,
    market,
    orders: buildGateway({ dataSource, clock, sleep, registry, ledger, riskContext: new RiskContextService(dataSource, clock, createDefaultNseCalendar(), new RiskPositionsQuery(dataSource), new DailyPnlHistoryQuery(dataSource)), market }),
    fills,
    settle: new SettleInFlightService(dataSource, clock, registry, fills, ledger),
    cancel: new CancelOrderService(dataSource, clock, registry),
    close: () => db.dispose(),
  };
}

/** The call leg of the test strangle: SELL 650 NIFTY 17-Mar-2026 23500 CE @ ₹120.50 on `accountId` (alone, an ENTRY is not a strangle: pass a purpose). */
export function strangleLeg(accountId: number, overrides: Partial<OrderCommand> = {}): OrderCommand {
  return {
    accountId,
    segment: 'NFO-OPT',
    instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 23500, optionType: 'CE' },
    side: 'SELL',
    quantity: 650,
    orderType: 'LIMIT',
    limitPrice: 120.5,
    purpose: 'ENTRY',
    ...overrides,
  };
}

/** The put leg of the test strangle: SELL 650 NIFTY 17-Mar-2026 22500 PE @ ₹95. */
export const PUT_22500 = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 22500, optionType: 'PE' } as const;

/**
 * The test strangle as one entry: SELL 650 × 23500 CE @ ₹120.50 and 650 × 22500 PE @ ₹95
 * (margin 2 × 12% × 23,400 × 650 ≈ ₹36.5 L, well inside the ₹1.2 Cr usable); `quantity` sets both legs.
 */
export function strangleEntry(accountId: number, overrides: Partial<EntryCommand> & { quantity?: number } = {}): EntryCommand {
  const { quantity = 650, ...rest } = overrides;
  const call = strangleLeg(accountId);
  return {
    accountId,
    legs: [
      { segment: 'NFO-OPT', instrument: call.instrument, side: 'SELL', quantity, orderType: 'LIMIT', limitPrice: 120.5 },
      { segment: 'NFO-OPT', instrument: PUT_22500, side: 'SELL', quantity, orderType: 'LIMIT', limitPrice: 95 },
    ],
    ...rest,
  };
}

/** The call leg's result of an entered test strangle, with the put's and the whole entry's. */
export type EnteredStrangle = SubmitResult & { readonly put: SubmitResult; readonly entry: EntryResult };

/** Enters the test strangle (see `strangleEntry`) through `orders`; returns the call leg's result plus the put's. */
export async function enterStrangle(orders: Pick<OrdersService, 'submitEntry'>, accountId: number, overrides: Parameters<typeof strangleEntry>[1] = {}): Promise<EnteredStrangle> {
  const entry = await orders.submitEntry(strangleEntry(accountId, overrides));
  return { ...entry.legs[0], put: entry.legs[1], entry };
}
