import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { enterStrangle, strangleLeg } from './gateway-harness';
import { saveAdjustablePosition } from '../db/fixtures';
import { PaperGatewayHarness, quoteSymbol, startPaperGateway } from './paper-gateway-harness';

const CALL = strangleLeg(1).instrument;
const CALL_SYMBOL = quoteSymbol(CALL);
/** A quote at which a SELL limit of ₹120.50 crosses (bid above it). */
const CALL_BID_121 = { symbol: CALL_SYMBOL, lastPrice: 121, bid: 121, ask: 121.5 };

describe('the gateway over the paper broker', () => {
  let g: PaperGatewayHarness;

  afterEach(async () => {
    await g.close();
  });

  const ordersAtPaper = async () => g.paper.listOrders();
  const order = (id: number) => g.dataSource.getRepository(Order).findOneByOrFail({ id });

  describe('with defaults', () => {
    beforeEach(async () => {
      g = await startPaperGateway();
    });

    it('done-when 1: a timeout after the paper broker accepted leaves exactly one broker order, settled by tag, position right', async () => {
      g.paper.injectFault({ mode: 'TIMEOUT_AFTER_ACCEPT' });
      const r = await enterStrangle(g.orders, g.account.id);
      expect(await order(r.orderIds[0])).toMatchObject({ status: 'SUBMITTED', inFlightUnknown: true, brokerOrderId: null });
      await g.settle.settleAccount(g.account.id);
      const settled = await order(r.orderIds[0]);
      expect(settled).toMatchObject({ status: 'ACCEPTED', inFlightUnknown: false });
      expect(await g.paper.ordersByTag(r.intentId)).toHaveLength(1);
      expect(settled.brokerOrderId).toBe((await g.paper.orderByTag(r.intentId))?.brokerOrderId);

      await g.trade([CALL_BID_121]);
      expect(await order(r.orderIds[0])).toMatchObject({ status: 'FILLED', filledQuantity: 650 });
      const legs = await g.dataSource.getRepository(PositionLeg).find({ where: { positionId: r.positionId as number } });
      expect(legs.map((l) => [l.side, l.quantity])).toEqual([['SELL', 650]]);
      const [paperPosition] = await g.paper.listPositions();
      expect(paperPosition.netQuantity).toBe(-650);
      expect(await ordersAtPaper()).toHaveLength(2);
    });

    it('done-when 3: the same job delivered twice makes one paper order', async () => {
      await Promise.all([enterStrangle(g.orders, g.account.id, { idempotencyKey: 'job-7' }), enterStrangle(g.orders, g.account.id, { idempotencyKey: 'job-7' })]);
      await enterStrangle(g.orders, g.account.id, { idempotencyKey: 'job-7' });
      expect(await ordersAtPaper()).toHaveLength(2);
    });

    it('done-when 5: 100 concurrent entry intents make one position and one paper order per leg', async () => {
      await Promise.all(Array.from({ length: 100 }, () => enterStrangle(g.orders, g.account.id)));
      expect(await g.dataSource.getRepository(Position).count({ where: { accountId: g.account.id, status: 'ACTIVE' } })).toBe(1);
      expect(await ordersAtPaper()).toHaveLength(2);
    });

    it('done-when 6: HALTED sends nothing to the paper broker; REDUCING lets the exit out', async () => {
      const entry = await enterStrangle(g.orders, g.account.id);
      await g.trade([CALL_BID_121]);
      await g.dataSource.getRepository(BrokerAccount).update(g.account.id, { tradingState: 'HALTED' });
      const positionId = entry.positionId as number;
      const halted = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', positionId }));
      expect(halted.denial?.code).toBe('TRADING_HALTED');
      expect(await ordersAtPaper()).toHaveLength(2);
      await g.dataSource.getRepository(BrokerAccount).update(g.account.id, { tradingState: 'REDUCING' });
      const more = await g.orders.submit(strangleLeg(g.account.id, { instrument: { ...CALL, strike: 23600 }, positionId }));
      expect(more.denial?.code).toBe('REDUCING_ONLY');
      const exit = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', positionId, limitPrice: 122 }));
      expect(exit.statuses).toEqual(['ACCEPTED']);
      expect(await ordersAtPaper()).toHaveLength(3);
    });

    it('done-when 7: a burst of 30 orders reaches the paper broker at ≤ 5 per second; a large order is sliced', async () => {
      const positionId = await saveAdjustablePosition(g.dataSource, g.account.id);
      await Promise.all(Array.from({ length: 30 }, () => g.orders.submit(strangleLeg(g.account.id, { purpose: 'ADJUST', positionId, side: 'BUY', quantity: 65, limitPrice: 100 }))));
      const placed = g.paper
        .snapshot()
        .orders.map((o) => o.placedAtMs)
        .sort((a, b) => a - b);
      expect(placed).toHaveLength(30);
      for (let i = 5; i < placed.length; i++) expect(placed[i] - placed[i - 5]).toBeGreaterThanOrEqual(1000);

      const big = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'ADJUST', positionId, side: 'BUY', quantity: 3900, limitPrice: 100 }));
      expect(big.statuses).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
      const slices = (await ordersAtPaper()).filter((o) => o.clientOrderId?.startsWith(big.intentId)).map((o) => o.quantity);
      expect(slices).toEqual([1755, 1755, 390]);
    });

    it('done-when 4: a cancel that later fills still counts, quantities from fills', async () => {
      g.paper.injectFault({ mode: 'FILL_AFTER_CANCEL' });
      const r = await enterStrangle(g.orders, g.account.id);
      expect((await g.cancel.cancel(r.orderIds[0])).status).toBe('PENDING_CANCEL');
      await g.trade([CALL_BID_121]);
      await g.settle.settleAccount(g.account.id);
      const row = await order(r.orderIds[0]);
      expect(row.filledQuantity).toBe(650);
      const legs = await g.dataSource.getRepository(PositionLeg).find({ where: { positionId: r.positionId as number } });
      expect(legs[0].quantity).toBe(650);
    });
  });

  it('done-when 4: partial fills and a partial exit, quantities always from fills', async () => {
    g = await startPaperGateway({ config: { displayedLotsPerPass: 4 } });
    const r = await enterStrangle(g.orders, g.account.id);
    const positionId = r.positionId as number;
    await g.trade([CALL_BID_121]);
    expect(await order(r.orderIds[0])).toMatchObject({ status: 'PARTIALLY_FILLED', filledQuantity: 260 });
    await g.trade([CALL_BID_121]);
    await g.trade([CALL_BID_121]);
    expect(await order(r.orderIds[0])).toMatchObject({ status: 'FILLED', filledQuantity: 650 });

    const exit = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', quantity: 390, limitPrice: 100, positionId }));
    await g.trade([{ symbol: CALL_SYMBOL, lastPrice: 99.5, bid: 99, ask: 99.5 }]);
    expect(await order(exit.orderIds[0])).toMatchObject({ status: 'PARTIALLY_FILLED', filledQuantity: 260 });
    await g.trade([{ symbol: CALL_SYMBOL, lastPrice: 99.5, bid: 99, ask: 99.5 }]);
    const [leg] = await g.dataSource.getRepository(PositionLeg).find({ where: { positionId } });
    expect(leg.quantity).toBe(260);
    expect(leg.realizedPnlPaise).toBeGreaterThan(0);
    const [paperPosition] = await g.paper.listPositions();
    expect(paperPosition.netQuantity).toBe(-leg.quantity);
    expect(await g.dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).toMatchObject({ status: 'ACTIVE' });
  });
});
