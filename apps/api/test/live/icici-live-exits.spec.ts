import { istDateTimeOf, tradeCharges, type StrategyOrderCommand } from '@mcube/domain';
import { In } from 'typeorm';
import { AppException } from '../../src/common/errors/app-exception';
import { mintApprovalToken } from '../../src/modules/orders/approval/approval-token';
import { CancelOrderService } from '../../src/modules/orders/cancel-order.service';
import { Execution } from '../../src/modules/orders/entities/execution.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { GatewayFuturesOrders } from '../../src/modules/strategies/icici/gateway-futures-orders';
import { startIciciLive, type IciciLiveHarness } from './icici-live-harness';

// The September series (the ICICI rules refuse an entry in a future expiring within days).
const EXPIRY = '2026-09-29';
const NIFTY_FUT = { underlying: 'NIFTY', kind: 'FUT', expiry: EXPIRY } as const;

/** The ICICI strategy's own order command (what its desk hands the order port; the port adds the account). */
function command(over: Partial<StrategyOrderCommand>): StrategyOrderCommand {
  return {
    segment: 'NFO-FUT',
    instrument: NIFTY_FUT,
    side: 'BUY',
    quantity: 65,
    orderType: 'LIMIT',
    limitPrice: 24_600,
    purpose: 'ENTRY',
    callerFigures: { marginPaise: 0, riskPaise: 0, exposurePaise: 0 },
    ...over,
  };
}

/** An entry as a person approved it (single-use token for exactly this order), as the approval queue hands it to the strategy. */
async function approvedEntry(h: IciciLiveHarness, limitPrice = 24_600): Promise<StrategyOrderCommand> {
  const token = await mintApprovalToken(h.dataSource.manager, {
    requestRef: `exits-${limitPrice}`,
    accountId: h.account.id,
    purpose: 'ENTRY',
    underlying: 'NIFTY',
    instrumentKind: 'FUT',
    expiryDate: EXPIRY,
    side: 'BUY',
    quantity: 65,
    priceLow: limitPrice * 0.99,
    priceHigh: limitPrice * 1.01,
    approvedBy: 'trader',
    approvedAtMs: h.clock.nowMs(),
    expiresAtMs: h.clock.nowMs() + 15 * 60_000,
  });
  return command({ limitPrice, approval: { approvedBy: 'trader', approvedAt: h.clock.nowMs(), token } });
}

const ordersOf = (h: IciciLiveHarness, clientOrderId: string) => h.dataSource.getRepository(Order).find({ where: { clientOrderId: In([clientOrderId]) } });
const deletes = (h: IciciLiveHarness) => h.server.callsTo('order', 'DELETE');

/** After settling and reconciling: nothing in flight with an unknown outcome, each remark at ICICI at most once, no mismatch. */
async function expectNothingUnknown(h: IciciLiveHarness): Promise<void> {
  await h.settle.settleAccount(h.account.id);
  expect((await h.reconciliation.reconcile(h.account.id)).mismatches).toEqual([]);
  const orders = await h.dataSource.getRepository(Order).find({ where: { accountId: h.account.id } });
  expect(orders.filter((o) => o.inFlightUnknown).map((o) => o.clientOrderId)).toEqual([]);
  for (const o of orders) expect(h.server.book.countWithRemark(o.clientOrderId)).toBeLessThanOrEqual(1);
}

describe('ICICI exits and cancels through the gateway (the strategy\'s order port) against the local Breeze server', () => {
  let h: IciciLiveHarness;
  let port: GatewayFuturesOrders;
  let cancels: CancelOrderService;
  beforeEach(async () => {
    h = await startIciciLive();
    await h.goLive();
    cancels = new CancelOrderService(h.dataSource, h.clock, h.registry);
    port = new GatewayFuturesOrders(h.orders, cancels, h.account.id);
  });
  afterEach(async () => h.close());

  it('a stop exit: the long future is sold at the stop limit under its remark, fills, and closes the position with P&L net of both fills\' charges', async () => {
    const entry = await port.submit(await approvedEntry(h));
    expect(entry.status).toBe('ACCEPTED');
    h.server.book.fill(entry.clientOrderId, { price: 24_600 });
    await h.settle.settleAccount(h.account.id);
    const [entryRow] = await ordersOf(h, entry.clientOrderId);
    expect(entryRow.status).toBe('FILLED');
    const positionId = entryRow.positionId!;

    // The stop (24,400) is hit: the strategy exits with a SELL LIMIT at the stop, reducing, no approval needed.
    h.clock.advance(20 * 60_000);
    const stop = await port.submit(command({ side: 'SELL', limitPrice: 24_400, purpose: 'EXIT', callerFigures: undefined, strategyPositionId: String(positionId) }));
    expect(stop.status).toBe('ACCEPTED');
    const sent = h.server.callsTo('order', 'POST').at(-1)!;
    expect(sent.checksum).toBe('VALID');
    expect(sent.body).toMatchObject({ action: 'sell', order_type: 'limit', price: '24400', quantity: '65', user_remark: stop.clientOrderId });
    h.server.book.fill(stop.clientOrderId, { price: 24_405 });
    await expectNothingUnknown(h);
    expect(await port.orderStatus(stop.clientOrderId)).toMatchObject({ status: 'FILLED', filledQuantity: 65 });

    const position = await h.dataSource.getRepository(Position).findOneByOrFail({ id: positionId });
    expect(position.status).not.toBe('ACTIVE');
    const executions = await h.dataSource.getRepository(Execution).find({ where: { accountId: h.account.id }, order: { id: 'ASC' } });
    expect(executions.map((e) => [e.side, e.quantity, e.pricePaise])).toEqual([['BUY', 65, 2_460_000], ['SELL', 65, 2_440_500]]);
    for (const e of executions) expect(e.chargesPaise).toBe(tradeCharges({ date: istDateTimeOf(e.occurredAt.getTime()).date, segment: 'FUT', side: e.side, turnoverPaise: e.pricePaise * e.quantity }).totalPaise);
    const gross = (24_405 - 24_600) * 65 * 100;
    expect(position.realizedPnlPaise).toBe(gross - executions[0].chargesPaise - executions[1].chargesPaise);
    expect(h.server.book.countWithRemark(stop.clientOrderId)).toBe(1);
  });

  it('a cancel of a working entry goes to ICICI once and ends CANCELED; nothing stays working at the broker', async () => {
    const entry = await port.submit(await approvedEntry(h, 24_500));
    expect(entry.status).toBe('ACCEPTED');
    await port.cancel(entry.clientOrderId);
    expect(deletes(h)).toHaveLength(1);
    expect(deletes(h)[0].checksum).toBe('VALID');
    expect(deletes(h)[0].body).toMatchObject({ exchange_code: 'NFO', order_id: h.server.book.find(entry.clientOrderId).orderId });
    await expectNothingUnknown(h);
    expect((await ordersOf(h, entry.clientOrderId)).map((o) => [o.status, o.filledQuantity])).toEqual([['CANCELED', 0]]);
    expect(await port.orderStatus(entry.clientOrderId)).toMatchObject({ status: 'CANCELED' });
    // A second cancel of the same intent asks nothing more of ICICI.
    await port.cancel(entry.clientOrderId);
    expect(deletes(h)).toHaveLength(1);
  });

  it('a cancel whose answer never comes (ICICI took it) stays PENDING_CANCEL, is settled by the remark to CANCELED, and is never resent', async () => {
    const entry = await port.submit(await approvedEntry(h, 24_500));
    const [row] = await ordersOf(h, entry.clientOrderId);
    h.server.faults.inject({ endpoint: 'order', method: 'DELETE', mode: 'TIMEOUT_AFTER_ACCEPT' });
    const failed = await cancels.cancel(row.id, 'system:strategy').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(AppException);
    expect((failed as AppException).code).toBe('SERVICE_UNAVAILABLE');
    expect((await ordersOf(h, entry.clientOrderId))[0].status).toBe('PENDING_CANCEL');
    expect(deletes(h)).toHaveLength(1);
    // The strategy asking again while the outcome is unknown does not send a second cancel.
    await port.cancel(entry.clientOrderId);
    expect(deletes(h)).toHaveLength(1);
    await h.settle.settleAccount(h.account.id);
    expect((await ordersOf(h, entry.clientOrderId)).map((o) => o.status)).toEqual(['CANCELED']);
    expect(deletes(h)).toHaveLength(1);
    await expectNothingUnknown(h);
  });

  it('a cancel that loses the race to a fill ends FILLED (the fill counts), and the position is open for its exit', async () => {
    const entry = await port.submit(await approvedEntry(h, 24_500));
    h.server.faults.inject({ endpoint: 'order', method: 'DELETE', mode: 'FILL_AFTER_CANCEL' });
    await port.cancel(entry.clientOrderId);
    await expectNothingUnknown(h);
    const [row] = await ordersOf(h, entry.clientOrderId);
    expect([row.status, row.filledQuantity]).toEqual(['FILLED', 65]);
    expect((await h.dataSource.getRepository(Position).findOneByOrFail({ id: row.positionId! })).status).toBe('ACTIVE');
  });
});
