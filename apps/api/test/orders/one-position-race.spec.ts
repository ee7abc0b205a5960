import { Order } from '../../src/modules/orders/entities/order.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { GatewayHarness, startGateway, PUT_22500, strangleEntry, strangleLeg } from './gateway-harness';

describe.each(['sqlite', 'postgres'] as const)('100 concurrent entry intents for one account on %s (done-when 5)', (dialect) => {
  let g: GatewayHarness;

  beforeAll(async () => {
    g = await startGateway(dialect);
  });
  afterAll(async () => {
    await g.close();
  });

  it('make exactly one position and one broker order per leg; every other entry is denied', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, () => g.orders.submitEntry(strangleEntry(g.account.id))));
    const positions = await g.dataSource.getRepository(Position).find({ where: { accountId: g.account.id } });
    expect(positions.filter((p) => p.status === 'ACTIVE')).toHaveLength(1);
    expect(g.broker.orders).toHaveLength(2);
    const sent = results.filter((r) => r.legs.every((l) => l.statuses[0] === 'ACCEPTED'));
    expect(sent).toHaveLength(1);
    expect(sent[0].positionId).toBe(positions.find((p) => p.status === 'ACTIVE')?.id);
    const denied = results.filter((r) => r.legs.every((l) => l.statuses[0] === 'DENIED'));
    expect(denied).toHaveLength(99);
    for (const r of denied) expect(r.denial?.code).toBe('ACTIVE_POSITION_EXISTS');
    // Every leg of every entry was journaled, denied ones included.
    expect(await g.dataSource.getRepository(Order).count({ where: { accountId: g.account.id } })).toBe(200);
  });

  it('denies a lone leg that names the active position: it would not make a strangle of it', async () => {
    const active = await g.dataSource.getRepository(Position).findOneByOrFail({ accountId: g.account.id, status: 'ACTIVE' });
    const put = await g.orders.submit(strangleLeg(g.account.id, { instrument: PUT_22500, positionId: active.id }));
    expect(put.statuses).toEqual(['DENIED']);
    expect(put.denial?.code).toBe('ENTRY_SHAPE_INVALID');
    expect(g.broker.orders).toHaveLength(2);
  });
});
