import { spotQuoteSymbolOf, TEST_ORDER_MIN_OTM_FRACTION, type Clock, type ExecutionClient, type IsoDate, type MarketDataPort } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { setTimeout as delay } from 'node:timers/promises';
import { AuditService } from '../../core/audit/audit.service';
import { CalendarStore } from '../../data/calendar/calendar-store.service';
import type { StoredContract } from '../../data/instruments/stored-contract';
import { ApplyFillService } from '../apply-fill.service';
import { CancelOrderService } from '../cancel-order.service';
import { Order } from '../entities/order.entity';
import { ExecutionClientRegistry } from '../execution-clients.token';
import { OrderFiguresService } from '../order-figures.service';
import { OrdersService } from '../order-gateway.service';
import { SettleInFlightService } from '../settle-in-flight.service';
import { InProcessTokenSource } from '../throttle/in-process-token-source';
import { SegmentThrottle } from '../throttle/segment-throttle';
import { riskContextOver } from '../../risk/context/risk-context-over';
import type { RiskPositions } from '../../risk/ports/risk-positions.port';
import type { PositionLedger } from '../ports/position-ledger.port';

/** A listed option the test order can be for (a broker master's row). */
export type TestOrderContract = Pick<StoredContract, 'underlying' | 'kind' | 'optionType' | 'expiry' | 'strike' | 'lotSize' | 'tickSize'>;

/**
 * The positions tables as a test order needs them, given by the caller (the orders module does
 * not import the positions module): the risk checks' reads and the ledger the gateway and the
 * fill path write through. In the app both are the positions module's (`RiskPositionsQuery`,
 * `PositionLedgerService`).
 */
export interface TestOrderPositions {
  readonly risk: RiskPositions;
  readonly ledger: PositionLedger;
}

/** What the test-order steps need of the check: the account's broker client and feed, today's master, the step runner. */
export interface TestOrderStepsInput {
  readonly dataSource: DataSource;
  readonly accountId: number;
  readonly wallClock: Clock;
  readonly client: ExecutionClient;
  readonly market: MarketDataPort;
  readonly contracts: readonly TestOrderContract[];
  readonly today: IsoDate;
  readonly run: (step: 'test order placed' | 'test order cancelled', fn: () => Promise<string>) => Promise<boolean>;
  /** The positions tables the gateway and the fill path go through. */
  readonly positions: TestOrderPositions;
  /** How long to wait for the broker to confirm the cancel (wall ms); default 15 s. */
  readonly confirmWithinMs?: number;
}

/**
 * `broker:check --place-test-order`: one TEST_ORDER through the order gateway (its risk checks:
 * kill switch, market hours, the account's stored LIVE state, the test-order shape), a 1-lot BUY
 * LIMIT at the minimum tick of the NIFTY option of the second-nearest expiry listed at least 10%
 * out of the money (a CE above spot, else a PE below), then its cancel through the cancel
 * service and the broker's confirmation (its order book says CANCELED, the journal settles to
 * CANCELED). Every step is journaled like any order, and an audit row names it. A fill (at
 * ₹0.05 it should never happen) fails the step saying a position now exists to be closed.
 */
export async function runTestOrderSteps(input: TestOrderStepsInput): Promise<boolean> {
  const { dataSource, accountId, wallClock, client, market, positions } = input;
  const registry = new ExecutionClientRegistry();
  registry.register(accountId, client);
  // The stored calendar (holidays entered by people), read once: market hours and expiry distance as the API sees them.
  const calendar = new CalendarStore(dataSource);
  await calendar.reload();
  // No reconciliation gate: this process does not own the account's reconciliation (the worker does).
  const riskContext = riskContextOver(dataSource, wallClock, calendar.calendar, positions.risk);
  const sleep = (ms: number) => delay(ms).then(() => undefined);
  const gateway = new OrdersService(dataSource, wallClock, new SegmentThrottle(new InProcessTokenSource(wallClock), sleep), registry, riskContext, new OrderFiguresService(market), positions.ledger);
  const audit = AuditService.over(dataSource);
  let orderId: number | undefined;
  const placed = await input.run('test order placed', async () => {
    const spot = (await market.quote(spotQuoteSymbolOf('NIFTY'))).lastPrice;
    const contract = pickFarOtm(input.contracts, input.today, spot);
    const instrument = { underlying: contract.underlying, kind: contract.kind, expiry: contract.expiry, strike: contract.strike, optionType: contract.optionType };
    const result = await gateway.submit({ accountId, segment: 'NFO-OPT', instrument, side: 'BUY', quantity: contract.lotSize, orderType: 'LIMIT', limitPrice: contract.tickSize, purpose: 'TEST_ORDER', product: 'NRML' });
    orderId = result.orderIds[0];
    await audit.record({ action: 'broker.test_order', entity: 'order', entityId: orderId === undefined ? null : String(orderId), newValue: { accountId, instrument, statuses: result.statuses, denial: result.denial?.code } });
    if (result.denial) throw new Error(`the gateway refused it: ${result.denial.code} ${result.denial.message}`);
    const row = await dataSource.getRepository(Order).findOneByOrFail({ id: orderId });
    if (row.status !== 'ACCEPTED') throw new Error(`order ${orderId} is ${row.status}${row.statusReason ? ` (${row.statusReason})` : ''}, not resting at the broker${filledNote(row)}`);
    return `order ${orderId} (broker ${row.brokerOrderId}): BUY ${contract.lotSize} NIFTY ${contract.expiry} ${contract.strike} ${contract.optionType} LIMIT ₹${contract.tickSize.toFixed(2)}, spot ${spot}`;
  });
  if (!placed || orderId === undefined) return false;
  const id = orderId;
  return input.run('test order cancelled', async () => {
    const cancelled = await new CancelOrderService(dataSource, wallClock, registry).cancel(id, 'broker:check');
    const settle = new SettleInFlightService(dataSource, wallClock, registry, new ApplyFillService(dataSource, wallClock, positions.ledger), positions.ledger);
    const deadline = Date.now() + (input.confirmWithinMs ?? 15_000); // wall time: the broker's answer
    for (;;) {
      await settle.settleAccount(accountId, client);
      const row = await dataSource.getRepository(Order).findOneByOrFail({ id });
      const atBroker = (await client.listOrders()).find((o) => o.brokerOrderId === row.brokerOrderId);
      // A fill (a cancel refused as "already complete" included) is the one outcome that leaves something to do by hand.
      const filled = Math.max(row.filledQuantity, atBroker?.filledQuantity ?? 0);
      if (filled > 0) throw new Error(`order ${id} FILLED ${filled} units: a position now exists at the broker, close it`);
      if (cancelled.status !== 'PENDING_CANCEL') throw new Error(`the broker refused the cancel of order ${id} (${cancelled.status}${cancelled.statusReason ? `: ${cancelled.statusReason}` : ''}); cancel it by hand`);
      if (row.status === 'CANCELED' && atBroker?.state === 'CANCELED') return `order ${id} (broker ${row.brokerOrderId}) CANCELED, confirmed in the broker's order book`;
      if (Date.now() > deadline) throw new Error(`order ${id} is ${row.status}, the broker says ${atBroker?.state ?? 'nothing'}: not confirmed cancelled; check it at the broker`);
      await delay(250);
    }
  });
}

function filledNote(row: Order): string {
  return row.filledQuantity > 0 ? `; ${row.filledQuantity} units FILLED: a position now exists at the broker, close it` : '';
}

/** The NIFTY option of the second-nearest listed expiry whose strike is at least 10% out of the money: the nearest such CE, else PE. */
export function pickFarOtm(contracts: readonly TestOrderContract[], today: IsoDate, spot: number): TestOrderContract {
  const options = contracts.filter((c) => c.underlying === 'NIFTY' && c.kind === 'OPT' && c.strike !== undefined && c.expiry > today);
  const expiries = [...new Set(options.map((c) => c.expiry))].sort();
  const expiry = expiries[1] ?? expiries[0];
  const ofExpiry = options.filter((c) => c.expiry === expiry);
  const calls = ofExpiry.filter((c) => c.optionType === 'CE' && (c.strike ?? 0) >= spot * (1 + TEST_ORDER_MIN_OTM_FRACTION) - 1e-6).sort((a, b) => (a.strike ?? 0) - (b.strike ?? 0));
  const puts = ofExpiry.filter((c) => c.optionType === 'PE' && (c.strike ?? 0) <= spot * (1 - TEST_ORDER_MIN_OTM_FRACTION) + 1e-6).sort((a, b) => (b.strike ?? 0) - (a.strike ?? 0));
  const pick = calls[0] ?? puts[0];
  if (!pick) throw new Error(`the master lists no NIFTY option of ${expiry ?? 'any expiry after today'} at least ${TEST_ORDER_MIN_OTM_FRACTION * 100}% from spot ${spot}`);
  return pick;
}
