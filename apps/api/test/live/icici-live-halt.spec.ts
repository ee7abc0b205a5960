import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { ICICI_SESSION_KEY, startIciciLive, type IciciLiveHarness } from './icici-live-harness';
import { approved, futures } from './icici-live-intents';

const stateOf = async (h: IciciLiveHarness) => {
  const a = await h.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: h.account.id });
  return [a.tradingState, a.tradingStateSetByRole];
};
const criticals = (h: IciciLiveHarness) => h.dataSource.getRepository(Alert).find({ where: { accountId: h.account.id, severity: 'CRITICAL' } });

// Issue 15: an ICICI answer refusing the session halts the account (kill switch by the system) with a
// CRITICAL saying the day's session key must be entered: mCube cannot log in to ICICI by itself.
describe('ICICI session refusals halt the LIVE account (local Breeze server)', () => {
  let h: IciciLiveHarness;
  beforeEach(async () => {
    h = await startIciciLive();
    await h.goLive();
  });
  afterEach(async () => h.close());

  it('an order answered "Invalid session." is REJECTED (not sent again), the account is HALTED by the system with a CRITICAL naming the day\'s session key; the next order is DENIED by the gateway and never reaches ICICI', async () => {
    h.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'ENVELOPE', error: 'Invalid session.', status: 500 });
    const r = await h.orders.submit(await approved(h, futures(h.account.id)));
    const [row] = await h.dataSource.getRepository(Order).findBy({ id: r.orderIds[0] });
    expect(row.status).toBe('REJECTED');
    expect(h.server.callsTo('order', 'POST')).toHaveLength(1);
    expect(await stateOf(h)).toEqual(['HALTED', 'system']);
    const [alert] = await criticals(h);
    expect(alert.title).toMatch(/ICICI account \d+ halted/);
    expect(alert.message).toMatch(/Invalid session\..*day's API session key/);

    const next = await h.orders.submit(await approved(h, futures(h.account.id, 'BUY', 24_602)));
    expect(next.statuses).toEqual(['DENIED']);
    expect(h.server.callsTo('order', 'POST')).toHaveLength(1);
  });

  it('a session ICICI expired mid-day halts the account at the next broker call (the 5-minute reconciliation), with a CRITICAL', async () => {
    h.server.expireSessionKey(ICICI_SESSION_KEY);
    await expect(h.reconciliation.reconcile(h.account.id)).rejects.toThrow(/ICICI/);
    expect(await stateOf(h)).toEqual(['HALTED', 'system']);
    expect((await criticals(h)).map((a) => a.message).join('\n')).toMatch(/day's API session key/);
  });

  it('HTTP 401 halts; a refusal that is not about the session (insufficient funds, 5xx) does not', async () => {
    h.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'ENVELOPE', error: 'Insufficient balance in F&O segment', status: 500 });
    await h.orders.submit(await approved(h, futures(h.account.id)));
    h.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'HTTP_STATUS', status: 503 });
    await h.orders.submit(await approved(h, futures(h.account.id, 'BUY', 24_602)));
    await h.settle.settleAccount(h.account.id);
    expect(await stateOf(h)).toEqual(['ACTIVE', null]);
    expect(await criticals(h)).toEqual([]);

    h.server.faults.inject({ endpoint: 'order', method: 'GET', mode: 'HTTP_STATUS', status: 401 });
    await expect(h.reconciliation.reconcile(h.account.id)).rejects.toThrow(/401/);
    expect(await stateOf(h)).toEqual(['HALTED', 'system']);
  });

  it('a refusal whose wording has no known Breeze source ("API/algo orders not enabled") is an ordinary rejection: that order REJECTED, no halt, no CRITICAL; the next order reaches ICICI', async () => {
    h.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'ENVELOPE', error: 'API/algo orders not enabled', status: 500 });
    const first = await h.orders.submit(await approved(h, futures(h.account.id)));
    const [row] = await h.dataSource.getRepository(Order).findBy({ id: first.orderIds[0] });
    expect([row.status, row.inFlightUnknown]).toEqual(['REJECTED', false]);
    expect(row.statusReason).toMatch(/API\/algo orders not enabled/);
    expect(await stateOf(h)).toEqual(['ACTIVE', null]);
    expect(await criticals(h)).toEqual([]);

    const next = await h.orders.submit(await approved(h, futures(h.account.id, 'BUY', 24_603)));
    expect(next.statuses).toEqual(['ACCEPTED']);
    expect(h.server.callsTo('order', 'POST')).toHaveLength(2);
  });

  it('an IP refusal halts the account (DECISIONS §3) with a CRITICAL naming the registered IP; the next order never reaches ICICI', async () => {
    h.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'ENVELOPE', error: 'Request not allowed: IP address not registered', status: 500 });
    const first = await h.orders.submit(await approved(h, futures(h.account.id)));
    const [row] = await h.dataSource.getRepository(Order).findBy({ id: first.orderIds[0] });
    expect([row.status, row.inFlightUnknown]).toEqual(['REJECTED', false]);
    expect(await stateOf(h)).toEqual(['HALTED', 'system']);
    expect((await criticals(h)).map((a) => a.message).join('\n')).toMatch(/registered with ICICI/);

    const next = await h.orders.submit(await approved(h, futures(h.account.id, 'BUY', 24_602)));
    expect(next.statuses).toEqual(['DENIED']);
    expect(h.server.callsTo('order', 'POST')).toHaveLength(1);
  });
});
