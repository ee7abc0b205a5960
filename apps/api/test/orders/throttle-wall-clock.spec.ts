import { FixedClock, type Clock } from '@mcube/domain';
import { buildGateway } from './gateway-factory';
import { GatewayHarness, SESSION_MS, startGateway, strangleLeg } from './gateway-harness';
import { saveAdjustablePosition } from '../db/fixtures';

/**
 * Issue 12 point 7: the 5 orders/s throttle runs on WALL time. With the market clock at 60×
 * (the accelerated demo) and every send taking 30 ms of real time, 8 slices left in 253 ms on
 * main: 30 real ms are 1.8 market seconds, so the market-time bucket was always refilled.
 */
describe('the order throttle on an accelerated market clock', () => {
  let g: GatewayHarness;

  afterEach(async () => {
    await g.close();
  });

  it('lets no more than 5 of 8 slices out in any second of wall time at 60×', async () => {
    g = await startGateway();
    const wall = new FixedClock(0);
    // The market clock runs 60 times the wall clock, from the harness's session time.
    const market: Clock = { nowMs: () => SESSION_MS + 60 * wall.nowMs() };
    const sentAtWallMs: number[] = [];
    const place = g.broker.placeOrder.bind(g.broker);
    g.broker.placeOrder = async (request) => {
      sentAtWallMs.push(wall.nowMs());
      wall.advance(30); // each send takes 30 ms of real time (journal fsync, broker round trip)
      return place(request);
    };
    const orders = buildGateway({ dataSource: g.dataSource, clock: market, wallClock: wall, sleep: async (ms) => wall.advance(ms), registry: g.registry, market: g.market });

    // 13,000 units of a long call (an adjustment): 8 slices at the 1,800-unit freeze quantity.
    const positionId = await saveAdjustablePosition(g.dataSource, g.account.id);
    const r = await orders.submit(strangleLeg(g.account.id, { purpose: 'ADJUST', positionId, side: 'BUY', quantity: 13_000, limitPrice: 1 }));
    expect(r.statuses).toEqual(Array(8).fill('ACCEPTED'));
    expect(sentAtWallMs).toHaveLength(8);
    for (let i = 5; i < sentAtWallMs.length; i++) expect(sentAtWallMs[i] - sentAtWallMs[i - 5]).toBeGreaterThanOrEqual(1000);
    expect(sentAtWallMs[7] - sentAtWallMs[0]).toBeGreaterThanOrEqual(1000);
  });
});
