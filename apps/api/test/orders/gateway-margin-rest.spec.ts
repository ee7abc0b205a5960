import { FixedClock } from '@mcube/domain';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { ReconciliationService } from '../../src/modules/orders/reconciliation.service';
import { login, SecurityApp, SessionAuth } from '../security/security-app';
import { FakeExecutionClient } from './fake-execution-client';
import { SESSION_MS } from './gateway-harness';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { saveAdjustablePosition } from '../db/fixtures';
import { REST_ENTRY_BODY, restStrangleBody, startOrdersRestApp } from './orders-rest-app';

/** The usable margin of the Kotak account here: 50% × min(₹3 Cr available, 40% × ₹6 Cr) = ₹1.2 Cr. */
const USABLE_PAISE = 1_20_00_000_00;

/**
 * Issue 11 §3 and issue 12 point 10 over REST: the gateway computes margin, risk and exposure
 * itself (no body may carry an estimate), checks the account after the order, refuses an entry
 * that is not the account's shape, and answers a denial with 422 ORDER_DENIED and every code,
 * the DENIED orders kept in the journal. On main the naked call below was ACCEPTED (201).
 */
describe('the gateway computes margin itself and a denied order is a 422', () => {
  let s: SecurityApp;
  let trader: SessionAuth;
  let broker: FakeExecutionClient;
  const clock = new FixedClock(SESSION_MS);

  beforeAll(async () => {
    ({ s } = await startOrdersRestApp(clock));
    broker = new FakeExecutionClient(clock);
    s.app.get<ExecutionClientRegistry>(EXECUTION_CLIENTS, { strict: false }).register(s.accounts.kotakId, broker);
    expect((await s.app.get(ReconciliationService, { strict: false }).reconcile(s.accounts.kotakId)).ok).toBe(true);
    trader = await login(s, 'trader');
  });
  afterAll(async () => {
    await s?.close();
  });

  const post = (path: string, body: object) => s.http().post(path).set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send(body);
  const rows = (ids: number[]) => s.dataSource.getRepository(Order).find({ where: ids.map((id) => ({ id })), order: { id: 'ASC' } });

  it('denies the 13,000-unit naked short NIFTY call sent with no estimate: 422 with the margin code, the DENIED orders journaled, nothing sent', async () => {
    const res = await post('/api/orders', { ...REST_ENTRY_BODY, accountId: s.accounts.kotakId, quantity: 13_000 }).expect(422);
    expect(res.body).toMatchObject({ code: 'ORDER_DENIED', denials: ['ENTRY_SHAPE_INVALID', 'MARGIN_EXCEEDS_USABLE'], positionId: null, correlationId: expect.any(String) });
    expect(res.body.message).toMatch(/^ENTRY_SHAPE_INVALID: a KOTAK entry must be a short strangle/);
    expect(res.body.intentIds).toHaveLength(1);
    // 13,000 units = 200 lots, sliced at the 1,800-unit freeze into 8 orders: every one DENIED, kept.
    const denied = await rows(res.body.orderIds);
    expect(denied).toHaveLength(8);
    expect(denied.every((o) => o.status === 'DENIED' && o.denialCode === 'ENTRY_SHAPE_INVALID')).toBe(true);
    const context = denied[0].denialContext ?? {};
    expect(context['allDenials']).toBe('ENTRY_SHAPE_INVALID,MARGIN_EXCEEDS_USABLE');
    // The gateway's own figure: 12% of spot × 13,000 units, far above the ₹1.2 Cr usable (₹3.6 Cr near 23,000).
    expect(Number(context['modelPaise'])).toBeGreaterThan(2 * USABLE_PAISE);
    expect(broker.orders).toHaveLength(0);
  });

  it('denies the same call as a non-entry order on margin alone, and a 13,000-unit strangle for its two legs together', async () => {
    // A non-reducing ADJUST must name the active position (else POSITION_NOT_ACTIVE too).
    const positionId = await saveAdjustablePosition(s.dataSource, s.accounts.kotakId);
    const adjust = await post('/api/orders', { ...REST_ENTRY_BODY, accountId: s.accounts.kotakId, quantity: 13_000, purpose: 'ADJUST', positionId }).expect(422);
    expect(adjust.body.denials).toEqual(['MARGIN_EXCEEDS_USABLE']);
    const [row] = await rows(adjust.body.orderIds);
    expect(Number(row.denialContext?.['requiredPaise'])).toBeGreaterThan(2 * USABLE_PAISE);
    expect(row.denialContext?.['usablePaise']).toBe(USABLE_PAISE);
    await s.dataSource.getRepository(Position).update(positionId, { status: 'CLOSED', closedAt: new Date(clock.nowMs()) });

    const strangle = await post('/api/orders/entry', restStrangleBody(s.accounts.kotakId, { quantity: 13_000 })).expect(422);
    expect(strangle.body.denials).toEqual(['MARGIN_EXCEEDS_USABLE']);
    expect(strangle.body.intentIds).toHaveLength(2);
    expect((await rows(strangle.body.orderIds)).map((o) => o.status)).toEqual(Array(16).fill('DENIED'));
    expect(broker.orders).toHaveLength(0);
  });

  it('refuses a margin, risk or exposure estimate in any body (400): no public input carries one', async () => {
    const before = await s.dataSource.getRepository(Order).count();
    for (const field of ['estimatedMarginPaise', 'estimatedRiskPaise', 'estimatedExposurePaise']) {
      const single = await post('/api/orders', { ...REST_ENTRY_BODY, accountId: s.accounts.kotakId, purpose: 'ADJUST', [field]: 1 }).expect(400);
      expect(single.body.message).toEqual([`property ${field} should not exist`]);
      const body = restStrangleBody(s.accounts.kotakId);
      await post('/api/orders/entry', { ...body, [field]: 1 }).expect(400);
      await post('/api/orders/entry', { ...body, legs: [{ ...body.legs[0], [field]: 1 }, body.legs[1]] }).expect(400);
    }
    expect(await s.dataSource.getRepository(Order).count()).toBe(before);
  });

  it('sends a strangle within the margin as one entry: both legs journaled, one position, 201', async () => {
    const res = await post('/api/orders/entry', restStrangleBody(s.accounts.kotakId, { idempotencyKey: 'margin-ok' })).expect(201);
    expect(res.body.legs.map((l: { statuses: string[] }) => l.statuses)).toEqual([['ACCEPTED'], ['ACCEPTED']]);
    expect(new Set(res.body.legs.map((l: { positionId: number }) => l.positionId))).toEqual(new Set([res.body.positionId]));
    expect(broker.orders.map((o) => [o.request.instrument.optionType, o.request.side, o.request.quantity])).toEqual([
      ['CE', 'SELL', 650],
      ['PE', 'SELL', 650],
    ]);
  });

  it('documents the 422 ORDER_DENIED answer of every order-creating route in OpenAPI, and no estimate field', async () => {
    const doc = (await s.http().get('/api/docs-json').set('cookie', trader.cookie).expect(200)).body;
    for (const [path, method] of [
      ['/api/orders', 'post'],
      ['/api/orders/entry', 'post'],
      ['/api/positions/{id}/exit', 'post'],
    ] as const) {
      expect(doc.paths[path]?.[method]?.responses?.['422']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/OrderDeniedResponseDto' });
    }
    expect(Object.keys(doc.components.schemas.OrderDeniedResponseDto.properties).sort()).toEqual(['code', 'correlationId', 'denials', 'intentIds', 'message', 'orderIds', 'positionId']);
    expect(JSON.stringify(doc.components.schemas)).not.toMatch(/estimated(Margin|Risk|Exposure)Paise/);
  });
});
