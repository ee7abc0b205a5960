import { PaperExecutionClient } from '@mcube/brokers-paper';
import { FixedClock } from '@mcube/domain';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { CircuitBreaker } from '../../src/modules/risk/entities/circuit-breaker.entity';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { ReconciliationService } from '../../src/modules/orders/reconciliation.service';
import { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import { login, SecurityApp, SessionAuth } from '../security/security-app';
import { FakeExecutionClient } from './fake-execution-client';
import { REST_ENTRY_BODY, restStrangleBody, startOrdersRestApp } from './orders-rest-app';
import { SESSION_MS } from './gateway-harness';


describe('orders, positions and the kill switch over REST', () => {
  let s: SecurityApp;
  let trader: SessionAuth;
  let viewer: SessionAuth;
  let broker: FakeExecutionClient;
  const clock = new FixedClock(SESSION_MS);

  beforeAll(async () => {
    ({ s } = await startOrdersRestApp(clock));
    broker = new FakeExecutionClient(clock);
    const registry = s.app.get<ExecutionClientRegistry>(EXECUTION_CLIENTS, { strict: false });
    // Start-up connected each paper account to a paper broker and reconciled it.
    expect(registry.get(s.accounts.kotakId)).toBeInstanceOf(PaperExecutionClient);
    expect(s.app.get(ReconciliationGate, { strict: false }).isReconciled(s.accounts.kotakId)).toBe(true);
    registry.register(s.accounts.kotakId, broker);
    expect((await s.app.get(ReconciliationService, { strict: false }).reconcile(s.accounts.kotakId)).ok).toBe(true);
    trader = await login(s, 'trader');
    viewer = await login(s, 'viewer');
  });
  afterAll(async () => {
    await s?.close();
  });

  const post = (path: string, who: SessionAuth, body: object) => s.http().post(path).set('cookie', who.cookie).set('x-csrf-token', who.csrfToken).send(body);

  it('submits a strangle entry through the gateway and shows the orders with their state history and the position', async () => {
    const res = await post('/api/orders/entry', trader, restStrangleBody(s.accounts.kotakId, { idempotencyKey: 'rest-1' })).expect(201);
    expect(res.body.legs.map((l: { statuses: string[] }) => l.statuses)).toEqual([['ACCEPTED'], ['ACCEPTED']]);
    expect(broker.orders).toHaveLength(2);
    const again = await post('/api/orders/entry', trader, restStrangleBody(s.accounts.kotakId, { idempotencyKey: 'rest-1' })).expect(201);
    expect(again.body.duplicate).toBe(true);
    expect(broker.orders).toHaveLength(2);

    const call = res.body.legs[0];
    const order = await s.http().get(`/api/orders/${call.orderIds[0]}`).set('cookie', viewer.cookie).expect(200);
    expect(order.body.history.map((e: { type: string }) => e.type)).toEqual(['INITIALIZED', 'SUBMITTED', 'ACCEPTED']);
    const list = await s.http().get('/api/orders').query({ status: 'ACCEPTED' }).set('cookie', viewer.cookie).expect(200);
    expect(list.body.map((o: { id: number }) => o.id).sort()).toEqual(res.body.legs.flatMap((l: { orderIds: number[] }) => l.orderIds).sort());
    // Issue 20: the contract as a trader says it, next to the broker's symbol.
    expect(order.body.name).toBe('NIFTY 17 Mar 23500 CE');
    expect(order.body.tradingSymbol).not.toBe(order.body.name);
    expect(list.body.map((o: { name: string }) => o.name).sort()).toEqual(['NIFTY 17 Mar 22500 PE', 'NIFTY 17 Mar 23500 CE']);
    const position = await s.http().get(`/api/positions/${res.body.positionId}`).set('cookie', viewer.cookie).expect(200);
    expect(position.body.status).toBe('ACTIVE');
  });

  it('refuses order writes to a viewer', async () => {
    const res = await post('/api/orders', viewer, { ...REST_ENTRY_BODY, accountId: s.accounts.kotakId });
    expect(res.status).toBe(403);
    expect((await post('/api/orders/entry', viewer, restStrangleBody(s.accounts.kotakId))).status).toBe(403);
    expect(broker.orders).toHaveLength(2);
  });

  it('cancels over REST, even while HALTED by the kill switch, which is audited', async () => {
    const halt = await post('/api/risk/kill-switch', trader, { state: 'HALTED', reason: 'test halt', accountId: s.accounts.kotakId }).expect(200);
    expect(halt.body).toEqual([{ id: s.accounts.kotakId, tradingState: 'HALTED', tradingStateCauses: ['KILL_SWITCH_HALTED'], killSwitch: { state: 'HALTED', setByRole: 'trader', setBy: s.users.trader.username } }]);
    const account = await s.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: s.accounts.kotakId });
    expect(account.tradingState).toBe('HALTED');
    expect(await s.dataSource.getRepository(AuditLogEntity).count({ where: { action: 'KILL_SWITCH' } })).toBe(1);

    // Refused before the gateway (the REST order gate), with the denial code, and audited.
    const denied = await post('/api/orders', trader, { ...REST_ENTRY_BODY, accountId: s.accounts.kotakId, purpose: 'ADJUST', side: 'BUY' }).expect(409);
    expect(denied.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^TRADING_HALTED: /) });
    expect(await s.dataSource.getRepository(AuditLogEntity).count({ where: { action: 'ORDER_GATE_DENIED' } })).toBe(1);
    const [first] = (await s.http().get('/api/orders').query({ status: 'ACCEPTED' }).set('cookie', trader.cookie).expect(200)).body;
    const canceled = await post(`/api/orders/${first.id}/cancel`, trader, {}).expect(200);
    expect(canceled.body.status).toBe('PENDING_CANCEL');
    expect(broker.orders.find((o) => o.request.clientOrderId === first.clientOrderId)?.state).toBe('CANCELED');
    // A person's cancel is journaled as theirs: the exit chaser and the strategy never send such an exit again.
    const history = (await s.http().get(`/api/orders/${first.id}`).set('cookie', trader.cookie).expect(200)).body.history as { type: string; payload: Record<string, unknown> }[];
    expect(history.find((e) => e.type === 'CANCEL_REQUESTED')?.payload).toMatchObject({ requestedBy: `user:${s.users.trader.username}` });
  });

  it('lists circuit breakers; only an admin resets one, which re-activates the account', async () => {
    expect((await s.http().get('/api/risk/breakers').set('cookie', viewer.cookie).expect(200)).body).toEqual([]);
    const trip = await s.dataSource.getRepository(CircuitBreaker).save({ accountId: s.accounts.kotakId, scope: 'ACCOUNT', reasonCode: 'DAILY_LOSS_LIMIT_BREACHED', reason: 'test trip', context: null, trippedAt: new Date(clock.nowMs()), resetBy: null, resetAt: null, resetNote: null });
    await s.dataSource.getRepository(BrokerAccount).update(s.accounts.kotakId, { isActive: false, deactivationReason: 'test trip' });
    const listed = await s.http().get('/api/risk/breakers').set('cookie', viewer.cookie).expect(200);
    expect(listed.body.map((b: { id: number }) => b.id)).toEqual([trip.id]);

    expect((await post(`/api/risk/breakers/${trip.id}/reset`, trader, { note: 'trader tries to reset' })).status).toBe(403);
    expect((await s.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: s.accounts.kotakId })).isActive).toBe(false);
    const admin = await login(s, 'admin');
    const reset = await post(`/api/risk/breakers/${trip.id}/reset`, admin, { note: 'loss reviewed' }).expect(200);
    expect(reset.body).toMatchObject({ resetBy: s.users.admin.username, resetNote: 'loss reviewed' });
    expect(await s.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: s.accounts.kotakId })).toMatchObject({ isActive: true, deactivationReason: null });
    expect((await post(`/api/risk/breakers/${trip.id}/reset`, admin, { note: 'again' })).status).toBe(409);
    expect(await s.dataSource.getRepository(AuditLogEntity).count({ where: { action: 'CIRCUIT_BREAKER_RESET' } })).toBe(1);
  });
});
