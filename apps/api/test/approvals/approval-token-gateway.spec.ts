import type { OrderCommand } from '@mcube/domain';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { mintApprovalToken, type ApprovalBinding } from '../../src/modules/orders/approval/approval-token';
import { ApprovalToken } from '../../src/modules/orders/entities/approval-token.entity';
import { insertAccount } from '../db/fixtures';
import { FakeExecutionClient } from '../orders/fake-execution-client';
import { startGateway, type GatewayHarness } from '../orders/gateway-harness';

/** 1 lot of NIFTY April 2026 futures, bought at ₹23,420 on the ICICI account. */
const FUT = { underlying: 'NIFTY', kind: 'FUT', expiry: '2026-04-28' } as const;

describe('the gateway consumes a single-use approval token bound to the exact order', () => {
  let g: GatewayHarness;
  let icici: number;
  let other: number;
  let broker: FakeExecutionClient;

  beforeEach(async () => {
    g = await startGateway();
    icici = (await insertAccount(g.dataSource, { broker: 'ICICI', allocatedCapitalPaise: 1_20_00_000 * 100 })).id;
    other = (await insertAccount(g.dataSource, { broker: 'ICICI', allocatedCapitalPaise: 1_20_00_000 * 100 })).id;
    broker = new FakeExecutionClient(g.clock);
    g.registry.register(icici, broker);
    g.registry.register(other, broker);
  });
  afterEach(() => g.close());

  const binding = (overrides: Partial<ApprovalBinding> = {}): ApprovalBinding => ({
    requestRef: '7',
    accountId: icici,
    purpose: 'ENTRY',
    underlying: FUT.underlying,
    instrumentKind: 'FUT',
    expiryDate: FUT.expiry,
    side: 'BUY',
    quantity: 65,
    priceLow: 23_380,
    priceHigh: 23_460,
    approvedBy: 'trader1',
    approvedAtMs: g.clock.nowMs(),
    expiresAtMs: g.clock.nowMs() + 60_000,
    ...overrides,
  });
  const mint = (overrides: Partial<ApprovalBinding> = {}) => mintApprovalToken(g.dataSource.manager, binding(overrides));
  const entry = (token: string | undefined, overrides: Partial<OrderCommand> = {}): OrderCommand => ({
    accountId: icici,
    segment: 'NFO-FUT',
    instrument: FUT,
    side: 'BUY',
    quantity: 65,
    orderType: 'LIMIT',
    limitPrice: 23_420,
    purpose: 'ENTRY',
    strategyType: 'LLM_VALIDATED_FUTURES',
    approval: { approvedBy: 'trader1', approvedAt: g.clock.nowMs(), token },
    ...overrides,
  });
  const codesOf = (r: { denial?: { codes: readonly string[] } }) => r.denial?.codes ?? [];

  it('sends the approved order once and stores the token as consumed by it; a replay is APPROVAL_TOKEN_USED', async () => {
    const token = await mint();
    const first = await g.orders.submit(entry(token));
    expect(codesOf(first)).toEqual([]);
    expect(first.statuses).toEqual(['ACCEPTED']);
    expect(broker.orders).toHaveLength(1);
    const row = await g.dataSource.getRepository(ApprovalToken).findOneByOrFail({ requestRef: '7' });
    expect(row.consumedByIntent).toBe(first.intentId);
    expect(row.tokenHash).not.toContain(token.slice(4, 20));

    // The position is closed by hand so only the token can refuse the replay.
    await g.dataSource.getRepository(Position).update({ accountId: icici }, { status: 'CLOSED' });
    const replay = await g.orders.submit(entry(token));
    expect(codesOf(replay)).toEqual(['APPROVAL_TOKEN_USED']);
    expect(broker.orders).toHaveLength(1);
  });

  it('refuses an ICICI entry with no token, or a token nobody issued (APPROVAL_TOKEN_INVALID), and sends nothing', async () => {
    expect(codesOf(await g.orders.submit(entry(undefined)))).toEqual(['APPROVAL_TOKEN_INVALID']);
    expect(codesOf(await g.orders.submit(entry('apt_forged')))).toEqual(['APPROVAL_TOKEN_INVALID']);
    expect(broker.orders).toHaveLength(0);
  });

  it('refuses an expired token (APPROVAL_TOKEN_EXPIRED), and leaves it unused', async () => {
    const token = await mint({ expiresAtMs: g.clock.nowMs() + 1_000 });
    g.clock.advance(1_001);
    expect(codesOf(await g.orders.submit(entry(token)))).toEqual(['APPROVAL_TOKEN_EXPIRED']);
    expect((await g.dataSource.getRepository(ApprovalToken).findOneByOrFail({ requestRef: '7' })).consumedAt).toBeNull();
    expect(broker.orders).toHaveLength(0);
  });

  it('refuses an altered quantity, side, contract or a price outside the band (APPROVAL_TOKEN_MISMATCH); the token stays usable for the approved order', async () => {
    const token = await mint();
    expect(codesOf(await g.orders.submit(entry(token, { quantity: 130 })))).toEqual(['APPROVAL_TOKEN_MISMATCH']);
    expect(codesOf(await g.orders.submit(entry(token, { limitPrice: 23_470 })))).toEqual(['APPROVAL_TOKEN_MISMATCH']);
    expect(codesOf(await g.orders.submit(entry(token, { limitPrice: 23_370 })))).toEqual(['APPROVAL_TOKEN_MISMATCH']);
    expect(codesOf(await g.orders.submit(entry(token, { side: 'SELL' })))).toEqual(['APPROVAL_TOKEN_MISMATCH']);
    expect(codesOf(await g.orders.submit(entry(token, { instrument: { ...FUT, expiry: '2026-05-26' } })))).toEqual(['APPROVAL_TOKEN_MISMATCH']);
    expect(broker.orders).toHaveLength(0);
    expect((await g.orders.submit(entry(token, { limitPrice: 23_460 }))).statuses).toEqual(['ACCEPTED']);
  });

  it("refuses another account's token (APPROVAL_TOKEN_OTHER_ACCOUNT)", async () => {
    const token = await mint({ accountId: other });
    expect(codesOf(await g.orders.submit(entry(token)))).toEqual(['APPROVAL_TOKEN_OTHER_ACCOUNT']);
    expect(broker.orders).toHaveLength(0);
  });

  it('lets only one of two orders racing with one token through', async () => {
    const token = await mint();
    const results = await Promise.all([g.orders.submit(entry(token)), g.orders.submit(entry(token))]);
    const sent = results.filter((r) => r.statuses.includes('ACCEPTED'));
    expect(sent).toHaveLength(1);
    expect(broker.orders).toHaveLength(1);
  });
});
