import { enterStrangle, startGateway, strangleLeg, type GatewayHarness } from './gateway-harness';

/**
 * A non-ENTRY order that adds risk (ADJUST or AVERAGE that does not reduce) must name the
 * account's ACTIVE position: before this rule a naked ADJUST with no position skipped the
 * entry-shape and one-position checks and reached the broker.
 */
describe('gateway: new risk outside ENTRY must name the active position', () => {
  let g: GatewayHarness;
  beforeEach(async () => {
    g = await startGateway();
  });
  afterEach(() => g.close());

  it('denies a non-reducing ADJUST with no active position (POSITION_NOT_ACTIVE) and sends nothing', async () => {
    const r = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'ADJUST' }));
    expect(r.statuses).toEqual(['DENIED']);
    expect(r.denial?.codes).toContain('POSITION_NOT_ACTIVE');
    expect(g.broker.orders).toHaveLength(0);
  });

  it('denies a non-reducing ADJUST or AVERAGE naming no position while one is active, lets one on the active position through', async () => {
    const entered = await enterStrangle(g.orders, g.account.id);
    const positionId = entered.positionId as number;
    const placedBefore = g.broker.orders.length;
    const stray = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'ADJUST', idempotencyKey: 'stray' }));
    expect(stray.denial?.codes).toContain('POSITION_NOT_ACTIVE');
    const unnamed = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'AVERAGE', idempotencyKey: 'unnamed' }));
    expect(unnamed.denial?.codes).toContain('POSITION_NOT_ACTIVE');
    expect(g.broker.orders).toHaveLength(placedBefore);
    const bound = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'ADJUST', positionId, quantity: 65, idempotencyKey: 'bound' }));
    expect(bound.denial?.codes ?? []).not.toContain('POSITION_NOT_ACTIVE');
  });
});
