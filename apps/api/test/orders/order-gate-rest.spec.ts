import { FixedClock } from '@mcube/domain';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { CircuitBreaker } from '../../src/modules/risk/entities/circuit-breaker.entity';
import { ApplyFillService } from '../../src/modules/orders/apply-fill.service';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { ReconciliationService } from '../../src/modules/orders/reconciliation.service';
import { SettleInFlightService } from '../../src/modules/orders/settle-in-flight.service';
import { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import { login, SecurityApp, SessionAuth } from '../security/security-app';
import { FakeExecutionClient } from './fake-execution-client';
import { REST_ENTRY_BODY, restStrangleBody, startOrdersRestApp } from './orders-rest-app';
import { SESSION_MS } from './gateway-harness';


/** The REST order gate (issue #5): early coded refusals on every order-creating route, audited; the gateway stays the authority. */
describe('the order gate on order-creating REST routes', () => {
  let s: SecurityApp;
  let trader: SessionAuth;
  let broker: FakeExecutionClient;
  let gate: ReconciliationGate;
  let positionId: number;
  const clock = new FixedClock(SESSION_MS);

  beforeAll(async () => {
    ({ s } = await startOrdersRestApp(clock));
    broker = new FakeExecutionClient(clock);
    s.app.get<ExecutionClientRegistry>(EXECUTION_CLIENTS, { strict: false }).register(s.accounts.kotakId, broker);
    expect((await s.app.get(ReconciliationService, { strict: false }).reconcile(s.accounts.kotakId)).ok).toBe(true);
    gate = s.app.get(ReconciliationGate, { strict: false });
    trader = await login(s, 'trader');
    // One filled entry: an ACTIVE position with an open leg to exit.
    const entry = await post('/api/orders/entry', restStrangleBody(s.accounts.kotakId, { idempotencyKey: 'gate-entry' })).expect(201);
    positionId = entry.body.positionId;
    await s.app.get(ApplyFillService, { strict: false }).apply('PAPER', broker.fill(entry.body.legs[0].intentId, 650, 120.5));
  });
  afterAll(async () => {
    await s?.close();
  });

  const post = (path: string, body: object) => s.http().post(path).set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send(body);
  const orders = () => s.dataSource.getRepository(Order).count();
  const gateAudits = () => s.dataSource.getRepository(AuditLogEntity).find({ where: { action: 'ORDER_GATE_DENIED' }, order: { id: 'ASC' } });
  const setAccount = (changes: Partial<BrokerAccount>) => s.dataSource.getRepository(BrokerAccount).update(s.accounts.kotakId, changes);
  /** Cancels a working exit at the broker and settles it, so the leg is free to exit again. */
  const cancelExit = async (orderId: number) => {
    await post(`/api/orders/${orderId}/cancel`, {}).expect(200);
    await s.app.get(SettleInFlightService, { strict: false }).settleAccount(s.accounts.kotakId);
    expect((await s.dataSource.getRepository(Order).findOneByOrFail({ id: orderId })).status).toBe('CANCELED');
  };

  it('refuses new risk on an inactive account with 409 ACCOUNT_INACTIVE, journals nothing, audits it, and still lets the manual exit through', async () => {
    await setAccount({ isActive: false, deactivationReason: 'test' });
    const before = await orders();
    const res = await post('/api/orders', { ...REST_ENTRY_BODY, accountId: s.accounts.kotakId }).expect(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^ACCOUNT_INACTIVE: /) });
    expect(await orders()).toBe(before);
    expect((await post('/api/orders/entry', restStrangleBody(s.accounts.kotakId)).expect(409)).body.message).toMatch(/^ACCOUNT_INACTIVE: /);
    expect(await orders()).toBe(before);
    expect(broker.orders).toHaveLength(2);
    const [audit] = await gateAudits();
    expect(audit).toMatchObject({ entity: 'broker_account', entityId: String(s.accounts.kotakId), actor: 'trader' });
    expect(JSON.parse(audit.newValue as string)).toMatchObject({ route: 'POST /api/orders', purpose: 'ENTRY', code: 'ACCOUNT_INACTIVE' });

    // Reducing orders pass an inactive account: the exit reaches the gateway, which sends it.
    const exit = await post(`/api/positions/${positionId}/exit`, { reason: 'closing while inactive' }).expect(200);
    expect(exit.body.exits[0].statuses).toEqual(['ACCEPTED']);
    expect(broker.orders).toHaveLength(3);
    await cancelExit(exit.body.exits[0].orderIds[0]);
    await setAccount({ isActive: true, deactivationReason: null });
  });

  it('refuses an entry while a circuit breaker is open (CIRCUIT_BREAKER_TRIPPED)', async () => {
    const trip = await s.dataSource.getRepository(CircuitBreaker).save({ accountId: s.accounts.kotakId, scope: 'ACCOUNT', reasonCode: 'DAILY_LOSS_LIMIT_BREACHED', reason: 'test trip', context: null, trippedAt: new Date(clock.nowMs()), resetBy: null, resetAt: null, resetNote: null });
    const res = await post('/api/orders', { ...REST_ENTRY_BODY, accountId: s.accounts.kotakId }).expect(409);
    expect(res.body.message).toMatch(/^CIRCUIT_BREAKER_TRIPPED: /);
    await s.dataSource.getRepository(CircuitBreaker).update(trip.id, { resetAt: new Date(clock.nowMs()), resetBy: 'test', resetNote: 'done' });
  });

  it('refuses new risk while reconciliation is pending (NOT_RECONCILED) but lets the exit of a position the broker confirms out (fails on main: TRADING_HALTED)', async () => {
    gate.markUnreconciled(s.accounts.kotakId, false);
    const before = await orders();
    const entry = await post('/api/orders', { ...REST_ENTRY_BODY, accountId: s.accounts.kotakId, strike: 24000 }).expect(409);
    expect(entry.body.message).toMatch(/^NOT_RECONCILED: /);
    expect(await orders()).toBe(before);
    expect(JSON.parse((await gateAudits()).slice(-1)[0].newValue as string)).toMatchObject({ route: 'POST /api/orders', code: 'NOT_RECONCILED' });
    // The broker holds the short call the journal says: buying it back is a reduction it confirms.
    const exit = await post(`/api/positions/${positionId}/exit`, { reason: 'closing while unreconciled' }).expect(200);
    expect(exit.body.exits[0].statuses).toEqual(['ACCEPTED']);
    await cancelExit(exit.body.exits[0].orderIds[0]);
    gate.markReconciled(s.accounts.kotakId);
  });

  it('still refuses every order-creating route while the kill switch is HALTED, exits included', async () => {
    await setAccount({ tradingState: 'HALTED' });
    const before = await orders();
    expect((await post('/api/orders', { ...REST_ENTRY_BODY, accountId: s.accounts.kotakId, purpose: 'EXIT', side: 'BUY', positionId })).status).toBe(409);
    const exit = await post(`/api/positions/${positionId}/exit`, { reason: 'closing while halted' }).expect(409);
    expect(exit.body.message).toMatch(/^TRADING_HALTED: /);
    expect(await orders()).toBe(before);
    expect((await gateAudits()).slice(-2).map((a) => JSON.parse(a.newValue as string).route)).toEqual(['POST /api/orders', 'POST /api/positions/:id/exit']);
    await setAccount({ tradingState: 'ACTIVE' });
  });

  it('refuses new risk while REDUCING but lets an exit reach the gateway, which decides', async () => {
    await setAccount({ tradingState: 'REDUCING' });
    const res = await post('/api/orders', { ...REST_ENTRY_BODY, accountId: s.accounts.kotakId }).expect(409);
    expect(res.body.message).toMatch(/^REDUCING_ONLY: /);
    // An EXIT that does not reduce anything passes the gate; the gateway's full checks deny it (422, stored DENIED).
    const notReducing = await post('/api/orders', { ...REST_ENTRY_BODY, accountId: s.accounts.kotakId, purpose: 'EXIT', side: 'SELL', strike: 24000 }).expect(422);
    expect(notReducing.body).toMatchObject({ code: 'ORDER_DENIED', denials: expect.arrayContaining(['REDUCING_ONLY']) });
    expect(await s.dataSource.getRepository(Order).findOneByOrFail({ id: notReducing.body.orderIds[0] })).toMatchObject({ status: 'DENIED', denialCode: 'REDUCING_ONLY' });
    await setAccount({ tradingState: 'ACTIVE' });
  });

  it('leaves requests it cannot read to validation (400), and an ACTIVE account trades', async () => {
    expect((await post('/api/orders', { ...REST_ENTRY_BODY, accountId: 'x' })).status).toBe(400);
    const ok = await post('/api/orders', { ...REST_ENTRY_BODY, accountId: s.accounts.kotakId, purpose: 'EXIT', side: 'BUY', positionId, quantity: 65, idempotencyKey: 'gate-ok' }).expect(201);
    expect(ok.body.statuses).toEqual(['ACCEPTED']);
  });
});
