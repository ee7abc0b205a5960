import { FixedClock } from '@mcube/domain';
import type { ExitAllAndHaltResponse } from '@mcube/contracts';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { ApplyFillService } from '../../src/modules/orders/apply-fill.service';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { ReconciliationService } from '../../src/modules/orders/reconciliation.service';
import { SettleInFlightService } from '../../src/modules/orders/settle-in-flight.service';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { ExitAllAndHaltService } from '../../src/modules/positions/exit-all/exit-all-and-halt.service';
import { FakeExecutionClient } from '../orders/fake-execution-client';
import { SESSION_MS } from '../orders/gateway-harness';
import { restStrangleBody, startOrdersRestApp } from '../orders/orders-rest-app';
import { login, SecurityApp, SessionAuth } from '../security/security-app';

/** Issue 20 §3: the panic button flattens every position through the gateway, leg by leg, then halts. */
describe('exit all and halt over REST', () => {
  let s: SecurityApp;
  let admin: SessionAuth;
  let trader: SessionAuth;
  let viewer: SessionAuth;
  let broker: FakeExecutionClient;
  let fills: ApplyFillService;
  let entry = 0;
  const clock = new FixedClock(SESSION_MS);

  beforeAll(async () => {
    ({ s } = await startOrdersRestApp(clock));
    broker = new FakeExecutionClient(clock);
    s.app.get<ExecutionClientRegistry>(EXECUTION_CLIENTS, { strict: false }).register(s.accounts.kotakId, broker);
    expect((await s.app.get(ReconciliationService, { strict: false }).reconcile(s.accounts.kotakId)).ok).toBe(true);
    fills = s.app.get(ApplyFillService, { strict: false });
    [admin, trader, viewer] = [await login(s, 'admin'), await login(s, 'trader'), await login(s, 'viewer')];
    // Booting the whole app with argon2 logins takes a while on a loaded 2-core machine.
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  const post = (who: SessionAuth, path: string, body: object) => s.http().post(path).set('cookie', who.cookie).set('x-csrf-token', who.csrfToken).send(body);
  const account = () => s.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: s.accounts.kotakId });
  const audits = (action: string) => s.dataSource.getRepository(AuditLogEntity).find({ where: { action }, order: { id: 'ASC' } });
  const exitOrders = (positionId: number) => s.dataSource.getRepository(Order).find({ where: { positionId, purpose: 'EXIT' }, order: { id: 'ASC' } });
  const resetAccount = () => s.dataSource.getRepository(BrokerAccount).update(s.accounts.kotakId, { tradingState: 'ACTIVE', tradingStateSetByRole: null, tradingStateSetBy: null });

  /** A filled Kotak short strangle (both legs); returns its position id. */
  async function filledStrangle(): Promise<number> {
    const res = await post(trader, '/api/orders/entry', restStrangleBody(s.accounts.kotakId, { idempotencyKey: `panic-entry-${++entry}` })).expect(201);
    for (const leg of res.body.legs as { intentId: string }[]) await fills.apply('PAPER', broker.fill(leg.intentId));
    return res.body.positionId as number;
  }

  it('refuses a viewer and a bad body with nothing changed', async () => {
    const positionId = await filledStrangle();
    const before = await exitOrders(positionId);
    expect((await post(viewer, '/api/risk/exit-all-and-halt', { reason: 'viewer panics', accountId: s.accounts.kotakId })).status).toBe(403);
    const bad = await post(trader, '/api/risk/exit-all-and-halt', { reason: 'x', accountId: 'kotak' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await post(trader, '/api/risk/exit-all-and-halt', { reason: 'unknown', accountId: 999_999 })).status).toBe(404);
    expect(await exitOrders(positionId)).toEqual(before);
    expect((await account()).tradingState).toBe('ACTIVE');
    expect(await audits('EXIT_ALL_AND_HALT')).toHaveLength(0);
    // Closed here so the next test starts flat.
    await post(trader, `/api/positions/${positionId}/exit`, { reason: 'tidy up' }).expect(200);
    for (const o of await exitOrders(positionId)) await fills.apply('PAPER', broker.fill(o.clientOrderId));
    expect((await s.dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).status).toBe('CLOSED');
  });

  it('exits both legs of a strangle through the gateway, stays REDUCING while the call lags, and halts once flat', async () => {
    const positionId = await filledStrangle();
    const res = await post(trader, '/api/risk/exit-all-and-halt', { reason: 'panic: gap down', accountId: s.accounts.kotakId }).expect(200);
    const body = res.body as ExitAllAndHaltResponse;
    const [kotak] = body.accounts;
    expect({ state: kotak.tradingState, halted: kotak.halted }).toEqual({ state: 'REDUCING', halted: false });
    expect(kotak.positions.map((p) => p.positionId)).toEqual([positionId]);
    // One EXIT per leg, each a BUY of the sold 650, journaled by the gateway and sent to the broker.
    expect(kotak.positions[0].legs.map((l) => [l.name, l.side, l.openQuantity, l.exitOrders.map((o) => o.status)])).toEqual([
      ['NIFTY 17 Mar 23500 CE', 'SELL', 650, ['ACCEPTED']],
      ['NIFTY 17 Mar 22500 PE', 'SELL', 650, ['ACCEPTED']],
    ]);
    // The same progress is read back while the halt waits for flat (the console opened later, or after a restart).
    const waiting = (await s.http().get('/api/risk/exit-all-and-halt').set('cookie', viewer.cookie).expect(200)).body as ExitAllAndHaltResponse;
    expect(waiting.accounts.map((a) => [a.accountId, a.positions.map((p) => p.positionId), a.positions[0].legs.map((l) => l.openQuantity)])).toEqual([[s.accounts.kotakId, [positionId], [650, 650]]]);
    const exits = await exitOrders(positionId);
    expect(exits.map((o) => [o.side, o.quantity])).toEqual([
      ['BUY', 650],
      ['BUY', 650],
    ]);
    expect(broker.orders.filter((o) => exits.some((e) => e.clientOrderId === o.request.clientOrderId))).toHaveLength(2);
    expect(await s.dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).toMatchObject({ exitOwner: 'PERSON', exitRequestedAt: expect.any(Date) });

    // The put fills; the call lags: still REDUCING (a new entry is refused, the call's exit may still go).
    const [callExit, putExit] = exits;
    await fills.apply('PAPER', broker.fill(putExit.clientOrderId));
    expect((await account()).tradingState).toBe('REDUCING');
    const denied = await post(trader, '/api/orders/entry', restStrangleBody(s.accounts.kotakId, { idempotencyKey: 'panic-new-risk' }));
    expect(denied.status).toBeGreaterThanOrEqual(409);

    // The call fills: flat, so the account is HALTED by the trader who pressed the button.
    await fills.apply('PAPER', broker.fill(callExit.clientOrderId));
    await eventually(async () => (await account()).tradingState === 'HALTED');
    expect(await account()).toMatchObject({ tradingState: 'HALTED', tradingStateSetByRole: 'trader', tradingStateSetBy: s.users.trader.username });
    expect((await s.http().get('/api/risk/exit-all-and-halt').set('cookie', trader.cookie).expect(200)).body.accounts).toEqual([]);
    expect((await s.dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).status).toBe('CLOSED');
    const requested = await audits('EXIT_ALL_AND_HALT');
    expect(requested.map((a) => JSON.parse(String(a.newValue)))).toEqual([{ reason: 'panic: gap down', positionIds: [positionId] }]);
    const moves = (await audits('KILL_SWITCH')).map((a) => (JSON.parse(String(a.newValue)) as { tradingState: string }).tradingState);
    expect(moves.slice(-2)).toEqual(['REDUCING', 'HALTED']);
  });

  it('cancels an entry leg still resting (the put never filled) and exits the filled call, then halts', async () => {
    await resetAccount();
    const res = await post(trader, '/api/orders/entry', restStrangleBody(s.accounts.kotakId, { idempotencyKey: `panic-entry-${++entry}` })).expect(201);
    const [call, put] = res.body.legs as { intentId: string; orderIds: number[] }[];
    await fills.apply('PAPER', broker.fill(call.intentId));
    const positionId = res.body.positionId as number;
    const body = (await post(trader, '/api/risk/exit-all-and-halt', { reason: 'panic: half filled', accountId: s.accounts.kotakId }).expect(200)).body as ExitAllAndHaltResponse;
    // The put never filled: the position holds the call leg only, a naked short call until its exit fills.
    expect(body.accounts[0].positions[0].legs.map((l) => [l.optionType, l.openQuantity, l.exitOrders.length])).toEqual([['CE', 650, 1]]);
    const putEntry = await s.dataSource.getRepository(Order).findOneByOrFail({ id: put.orderIds[0] });
    expect(['PENDING_CANCEL', 'CANCELED']).toContain(putEntry.status);
    expect(broker.orders.find((o) => o.request.clientOrderId === putEntry.clientOrderId)?.state).toBe('CANCELED');
    const [callExit] = await exitOrders(positionId);
    await fills.apply('PAPER', broker.fill(callExit.clientOrderId));
    await s.app.get(SettleInFlightService, { strict: false }).settleAccount(s.accounts.kotakId);
    await s.app.get(ExitAllAndHaltService, { strict: false }).settle(s.accounts.kotakId);
    await eventually(async () => (await account()).tradingState === 'HALTED');
  });

  it('exits one leg of a strangle on its own (POST /positions/:id/legs/:legId/exit): the other leg stays open', async () => {
    await resetAccount();
    const positionId = await filledStrangle();
    const detail = (await s.http().get(`/api/positions/${positionId}`).set('cookie', trader.cookie).expect(200)).body as { legs: { id: number; optionType: string }[] };
    const put = detail.legs.find((l) => l.optionType === 'PE') as { id: number };
    expect((await post(viewer, `/api/positions/${positionId}/legs/${put.id}/exit`, { reason: 'viewer' })).status).toBe(403);
    await post(trader, `/api/positions/${positionId}/legs/${put.id}/exit`, { reason: 'x' }).expect(400);
    const res = await post(trader, `/api/positions/${positionId}/legs/${put.id}/exit`, { reason: 'take the put off' }).expect(200);
    expect(res.body.exit.statuses).toEqual(['ACCEPTED']);
    // A double click sends nothing more: the leg's exit is working.
    expect((await post(trader, `/api/positions/${positionId}/legs/${put.id}/exit`, { reason: 'again' })).status).toBe(409);
    const [putExit] = await exitOrders(positionId);
    expect(putExit).toMatchObject({ side: 'BUY', quantity: 650, instrumentType: 'PE' });
    await fills.apply('PAPER', broker.fill(putExit.clientOrderId));
    const after = await s.dataSource.getRepository(Position).findOneByOrFail({ id: positionId });
    expect({ status: after.status, exitRequestedAt: after.exitRequestedAt }).toEqual({ status: 'ACTIVE', exitRequestedAt: null });
    // Tidied by the panic button (the call is still open): flat, then HALTED.
    await post(trader, '/api/risk/exit-all-and-halt', { reason: 'tidy up', accountId: s.accounts.kotakId }).expect(200);
    for (const o of (await exitOrders(positionId)).filter((x) => x.status === 'ACCEPTED')) await fills.apply('PAPER', broker.fill(o.clientOrderId));
    await eventually(async () => (await account()).tradingState === 'HALTED');
  });

  it('halts an account that is already flat at once, every account when none is named', async () => {
    await resetAccount();
    const res = await post(trader, '/api/risk/exit-all-and-halt', { reason: 'panic: all accounts' }).expect(200);
    const body = res.body as ExitAllAndHaltResponse;
    expect(body.accounts.map((a) => [a.accountId, a.tradingState, a.halted, a.positions.length])).toEqual([
      [s.accounts.kotakId, 'HALTED', true, 0],
      [s.accounts.iciciId, 'HALTED', true, 0],
    ]);
  });

  it("refuses a trader when an admin's HALTED holds an open position (its exits could not leave), nothing changed", async () => {
    await resetAccount();
    const positionId = await filledStrangle();
    await post(admin, '/api/risk/kill-switch', { state: 'HALTED', reason: 'admin halts', accountId: s.accounts.kotakId }).expect(200);
    const before = (await audits('EXIT_ALL_AND_HALT')).length;
    const refused = await post(trader, '/api/risk/exit-all-and-halt', { reason: 'trader panics', accountId: s.accounts.kotakId }).expect(403);
    expect(refused.body.message).toMatch(/only an admin lifts it/);
    expect(await exitOrders(positionId)).toHaveLength(0);
    expect((await audits('EXIT_ALL_AND_HALT')).length).toBe(before);
    // An admin may: the account goes REDUCING for the exits, then HALTED once flat.
    const ok = await post(admin, '/api/risk/exit-all-and-halt', { reason: 'admin flattens', accountId: s.accounts.kotakId }).expect(200);
    expect(ok.body.accounts[0].tradingState).toBe('REDUCING');
    for (const o of await exitOrders(positionId)) await fills.apply('PAPER', broker.fill(o.clientOrderId));
    await eventually(async () => (await account()).tradingState === 'HALTED');
  });
});

/** Waits (briefly) for the halt set after the fill's event. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition never met');
}
