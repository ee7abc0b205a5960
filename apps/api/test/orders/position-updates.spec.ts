import type { WsMessage } from '@mcube/contracts';
import { MarketEventsBus } from '../../src/modules/data/snapshots/market-events.bus';
import { ApplyFillService } from '../../src/modules/orders/apply-fill.service';
import { GatewayHarness, startGateway, strangleLeg } from './gateway-harness';

describe('position.updated after fills', () => {
  let g: GatewayHarness;
  let fills: ApplyFillService;
  const published: WsMessage[] = [];

  beforeEach(async () => {
    g = await startGateway();
    const bus = new MarketEventsBus();
    bus.subscribe((m) => published.push(m));
    published.length = 0;
    fills = new ApplyFillService(g.dataSource, g.clock, bus);
  });
  afterEach(async () => {
    await g.close();
  });

  const positionEvents = () => published.flatMap((m) => (m.event === 'position.updated' ? [m.data] : []));

  it('pushes the position after each committed fill, CLOSED once the exit fill flattens it', async () => {
    const entry = await g.orders.submit(strangleLeg(g.account.id));
    const positionId = entry.positionId as number;
    await fills.apply('PAPER', g.broker.fill(entry.intentId, 650, 120.5));
    expect(positionEvents()).toEqual([expect.objectContaining({ positionId, status: 'ACTIVE', legs: [expect.objectContaining({ side: 'SELL', quantity: 650, avgPricePaise: 12050 })] })]);

    const exit = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', limitPrice: 100, positionId }));
    await fills.apply('PAPER', g.broker.fill(exit.intentId, 650, 100));
    const last = positionEvents().at(-1);
    expect(last).toMatchObject({ positionId, status: 'CLOSED', realizedPnlPaise: (12050 - 10000) * 650 });
  });

  it('pushes nothing for a duplicate fill', async () => {
    const entry = await g.orders.submit(strangleLeg(g.account.id));
    const trade = g.broker.fill(entry.intentId, 650, 120.5);
    await fills.apply('PAPER', trade);
    expect(await fills.apply('PAPER', trade)).toBe('DUPLICATE');
    expect(positionEvents()).toHaveLength(1);
  });
});
