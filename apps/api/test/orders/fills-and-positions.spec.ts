import { Order } from '../../src/modules/orders/entities/order.entity';
import { Execution } from '../../src/modules/orders/entities/execution.entity';
import { MonitorLog } from '../../src/modules/positions/entities/monitor-log.entity';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { GatewayHarness, PUT_22500, startGateway, strangleEntry, strangleLeg } from './gateway-harness';

describe('fills, partial exits and late fills (done-when 4)', () => {
  let g: GatewayHarness;

  beforeEach(async () => {
    g = await startGateway();
  });
  afterEach(async () => {
    await g.close();
  });

  const order = (id: number) => g.dataSource.getRepository(Order).findOneByOrFail({ id });
  const legs = (positionId: number) => g.dataSource.getRepository(PositionLeg).find({ where: { positionId }, order: { id: 'ASC' } });

  it('takes quantities only from fills, counts a fill reported twice once, and makes a strangle one position with two legs', async () => {
    const entry = await g.orders.submitEntry(strangleEntry(g.account.id));
    const [call, put] = entry.legs;
    const positionId = entry.positionId as number;
    expect([call.positionId, put.positionId]).toEqual([positionId, positionId]);
    const t1 = g.broker.fill(call.intentId, 260, 120.5);
    expect(await g.fills.apply('PAPER', t1)).toBe('APPLIED');
    expect(await g.fills.apply('PAPER', t1)).toBe('DUPLICATE');
    expect(await order(call.orderIds[0])).toMatchObject({ status: 'PARTIALLY_FILLED', filledQuantity: 260 });
    await g.fills.apply('PAPER', g.broker.fill(call.intentId, 390, 121));
    await g.fills.apply('PAPER', g.broker.fill(put.intentId));
    expect(await order(call.orderIds[0])).toMatchObject({ status: 'FILLED', filledQuantity: 650, avgFillPricePaise: 12080 });
    expect(await g.dataSource.getRepository(Execution).count()).toBe(3);
    const both = await legs(positionId);
    expect(both.map((l) => [l.instrumentType, l.side, l.quantity])).toEqual([
      ['CE', 'SELL', 650],
      ['PE', 'SELL', 650],
    ]);
    expect(both[0].avgPricePaise).toBe(12080);
    expect(await g.dataSource.getRepository(Position).count({ where: { accountId: g.account.id } })).toBe(1);
    expect(await g.dataSource.getRepository(MonitorLog).count({ where: { positionId } })).toBe(3);
  });

  it('reduces legs on partial exits with realised P&L in paise, and closes the position when every leg is flat', async () => {
    const entry = await g.orders.submitEntry(strangleEntry(g.account.id));
    const [call, put] = entry.legs;
    const positionId = entry.positionId as number;
    await g.fills.apply('PAPER', g.broker.fill(call.intentId, 650, 120));
    await g.fills.apply('PAPER', g.broker.fill(put.intentId, 650, 95));
    const putExit = await g.orders.submit({ ...strangleLeg(g.account.id), instrument: PUT_22500, purpose: 'EXIT', side: 'BUY', quantity: 650, limitPrice: 90, positionId });
    await g.fills.apply('PAPER', g.broker.fill(putExit.intentId, 650, 90));
    const exit1 = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', quantity: 260, limitPrice: 100, positionId }));
    await g.fills.apply('PAPER', g.broker.fill(exit1.intentId, 260, 100));
    let [leg] = await legs(positionId);
    expect(leg.quantity).toBe(390);
    expect(leg.realizedPnlPaise).toBe((12000 - 10000) * 260);
    expect((await g.dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).status).toBe('ACTIVE');

    const exit2 = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', quantity: 390, limitPrice: 130, positionId }));
    await g.fills.apply('PAPER', g.broker.fill(exit2.intentId, 390, 130));
    [leg] = await legs(positionId);
    expect(leg).toMatchObject({ quantity: 0, status: 'CLOSED' });
    const expected = (12000 - 10000) * 260 + (12000 - 13000) * 390;
    expect(leg.realizedPnlPaise).toBe(expected);
    expect(leg.exitPricePaise).toBe(Math.round((10000 * 260 + 13000 * 390) / 650));
    const position = await g.dataSource.getRepository(Position).findOneByOrFail({ id: positionId });
    expect(position).toMatchObject({ status: 'CLOSED', realizedPnlPaise: expected + (9500 - 9000) * 650 });
  });

  it('counts a fill that arrives after a cancel was acknowledged', async () => {
    const entry = await g.orders.submitEntry(strangleEntry(g.account.id));
    const [call] = entry.legs;
    const positionId = entry.positionId as number;
    await g.fills.apply('PAPER', g.broker.fill(call.intentId, 130, 120.5));
    g.broker.fillAfterCancel = true;
    await g.cancel.cancel(call.orderIds[0]);
    await g.settle.settleAccount(g.account.id);
    const row = await order(call.orderIds[0]);
    expect(row.filledQuantity).toBe(650);
    expect(row.status).toBe('FILLED');
    expect((await legs(positionId))[0].quantity).toBe(650);
  });
});
