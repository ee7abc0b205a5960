import { epochMsOfIst, FixedClock } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import type { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { ApplyFillService } from '../../src/modules/orders/apply-fill.service';
import { CancelOrderService } from '../../src/modules/orders/cancel-order.service';
import { ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import type { GatewayIntent } from '../../src/modules/orders/gateway-intent';
import { SettleInFlightService } from '../../src/modules/orders/settle-in-flight.service';
import { OrdersService } from '../../src/modules/orders/submit-order.service';
import { insertAccount } from '../db/fixtures';
import { createTestDatabase, TestDatabase, type TestDialect } from '../db/test-database';
import { FakeExecutionClient } from './fake-execution-client';

/** 2026-03-10 10:00 IST: a Tuesday inside the F&O session. */
export const SESSION_MS = epochMsOfIst('2026-03-10', '10:00:00');

/** The gateway's services on a fresh migrated database, a fixed clock whose sleep advances it, and a fake broker for one Kotak account. */
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
  close(): Promise<void>;
}

/** Builds the harness (SQLite unless told). */
export async function startGateway(dialect: TestDialect = 'sqlite'): Promise<GatewayHarness> {
  const db = await createTestDatabase(dialect);
  const dataSource = await db.openMigrated();
  const clock = new FixedClock(SESSION_MS);
  const sleep = async (ms: number) => clock.advance(ms);
  const registry = new ExecutionClientRegistry();
  const broker = new FakeExecutionClient(clock);
  const account = await insertAccount(dataSource);
  registry.register(account.id, broker);
  const fills = new ApplyFillService(dataSource, clock);
  return {
    db,
    dataSource,
    clock,
    broker,
    account,
    registry,
    orders: new OrdersService(dataSource, clock, sleep, registry, new RiskContextService(dataSource, clock)),
    fills,
    settle: new SettleInFlightService(dataSource, clock, registry, fills),
    cancel: new CancelOrderService(dataSource, clock, registry),
    close: () => db.dispose(),
  };
}

/** A strangle leg entry: SELL 650 NIFTY 17-Mar-2026 23500 CE @ ₹120.50 on `accountId`. */
export function strangleLeg(accountId: number, overrides: Partial<GatewayIntent> = {}): GatewayIntent {
  return {
    accountId,
    segment: 'NFO-OPT',
    instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 23500, optionType: 'CE' },
    side: 'SELL',
    quantity: 650,
    orderType: 'LIMIT',
    limitPrice: 120.5,
    purpose: 'ENTRY',
    estimatedMarginPaise: 18_00_000_00,
    estimatedRiskPaise: 50_000_00,
    estimatedExposurePaise: 1_52_75_000_00,
    ...overrides,
  };
}
