import type { AddressInfo } from 'node:net';
import { PaperExecutionClient } from '@mcube/brokers-paper';
import type { WsMessage } from '@mcube/contracts';
import WebSocket from 'ws';
import { JOB_QUEUE, type JobQueue } from '../../src/jobs/job-queue.port';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { accountById } from '../../src/modules/accounts/account-reads';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { AccountMarginService } from '../../src/modules/orders/account-margin.service';
import { EXECUTION_CLIENTS, type ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import { OrderCommands } from '../../src/roles/order-commands/order-commands.service';
import { loadIoredis } from '../../src/common/redis/load-ioredis';
import { deletePrefix, SHARED_REDIS_URL } from '../jobs/job-test-kit';
import { restStrangleBody } from '../orders/orders-rest-app';
import { login, type SecurityApp, type SessionAuth, startSecurityApp } from '../security/security-app';
import { splitRolesRun } from './split-roles-run';
import { until } from './until';

// Issue 13 process roles, the order path: an `api` app and a `worker` app (two Nest apps, one
// database, real Redis under a prefix of this run). REST order commands taken by the API run in
// the worker, which owns the account's broker session and paper book; the API answers with the
// worker's response, and 504 ORDER_COMMAND_TIMEOUT with the idempotency key when no worker answers.
describe('REST order commands in split roles', () => {
  const { prefix, redisEnv, overrides } = splitRolesRun();
  let api: SecurityApp;
  let worker: SecurityApp | undefined;
  let trader: SessionAuth;
  let ws: WebSocket | undefined;
  const seen: WsMessage[] = [];

  const startWorker = () => startSecurityApp({ db: api.db, env: { ...redisEnv, MCUBE_ROLE: 'worker' }, overrides });
  const post = (path: string, body: object) => api.http().post(path).set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send(body);
  const get = (path: string) => api.http().get(path).set('cookie', trader.cookie);
  const clientOf = (app: SecurityApp) => app.app.get<ExecutionClientRegistry>(EXECUTION_CLIENTS, { strict: false }).get(app.accounts.kotakId);
  const brokerTags = async (app: SecurityApp) => ((await clientOf(app)?.listOrders()) ?? []).map((o) => o.clientOrderId);

  // Counts the paper brokers built (the call still builds them): the api app must build none.
  const paperClientsBuilt = jest.spyOn(PaperExecutionClient, 'create');
  let builtByApi = -1;
  const apiGate = () => api.app.get(ReconciliationGate).stateOf(api.accounts.kotakId);

  beforeAll(async () => {
    api = await startSecurityApp({ env: { ...redisEnv, MCUBE_ROLE: 'api' }, overrides });
    await api.app.listen(0, '127.0.0.1');
    builtByApi = paperClientsBuilt.mock.calls.length;
    worker = await startWorker();
    // The API's order gate has the worker's reconciliation state once the worker has stored it.
    await until("the worker's RECONCILED in the API's gate", () => (apiGate() === 'RECONCILED' ? true : undefined));
    trader = await login(api, 'trader');
    const port = (api.app.getHttpServer().address() as AddressInfo).port;
    ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { cookie: trader.cookie } });
    ws.on('message', (data) => seen.push(JSON.parse(String(data)) as WsMessage));
    await new Promise((r) => ws!.once('open', r));
  }, 240_000);

  afterAll(async () => {
    paperClientsBuilt.mockRestore();
    ws?.terminate();
    await worker?.stop();
    await api?.close();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  let positionId = 0;

  it('builds no broker client in the api app and reconciles nothing there; the worker builds its paper brokers', () => {
    expect(builtByApi).toBe(0);
    expect(api.app.get<ExecutionClientRegistry>(EXECUTION_CLIENTS, { strict: false }).entries()).toEqual([]);
    expect(paperClientsBuilt.mock.calls.length).toBeGreaterThan(0);
    expect(clientOf(worker!)).toBeInstanceOf(PaperExecutionClient);
  });

  it("answers the paper account's margin in the API from the worker's stored figure (no client there)", async () => {
    const inApi = await until("the worker's margin in the API", async () => (await api.app.get(AccountMarginService, { strict: false }).marginOf(api.accounts.kotakId)) ?? undefined);
    const inWorker = await clientOf(worker!)!.availableMargin();
    expect(inApi.availablePaise).toBeGreaterThan(0);
    expect({ available: inApi.availablePaise, used: inApi.usedPaise }).toEqual({ available: inWorker.availablePaise, used: inWorker.usedPaise });
  });

  it('fills a REST strangle in the worker\'s paper book and shows the fills in the API (REST and /ws)', async () => {
    expect(api.app.get(OrderCommands).forwards).toBe(true);
    expect(worker!.app.get(OrderCommands).forwards).toBe(false);
    // Sell both legs at a marketable 0.05: the worker's paper book fills them at the touch.
    const body = restStrangleBody(api.accounts.kotakId, { idempotencyKey: 'split-entry-1' });
    const res = await post('/api/orders/entry', { ...body, legs: body.legs.map((l) => ({ ...l, limitPrice: 0.05 })) });
    expect(res.status).toBe(201);
    positionId = res.body.positionId as number;
    const orderIds = (res.body.legs as { orderIds: number[] }[]).flatMap((l) => l.orderIds);
    expect(orderIds).toHaveLength(2);
    const tags = (await api.dataSource.getRepository(Order).findBy(orderIds.map((id) => ({ id })))).map((o) => o.clientOrderId);

    // The worker's broker book has both; the API's has none (no order ever reached a broker there).
    expect(clientOf(worker!)).toBeInstanceOf(PaperExecutionClient);
    expect(await brokerTags(worker!)).toEqual(expect.arrayContaining(tags));
    expect(await brokerTags(api)).toEqual([]);

    for (const id of orderIds) {
      await until(`order ${id} FILLED over the API's REST`, async () => ((await get(`/api/orders/${id}`).expect(200)).body.status === 'FILLED' ? true : undefined));
      await until(`order ${id} FILLED on the API's socket`, () => seen.find((m) => m.event === 'order.updated' && (m.data as { orderId: number; status: string }).orderId === id && (m.data as { status: string }).status === 'FILLED'));
    }
    expect((await get(`/api/positions/${positionId}`).expect(200)).body.status).toBe('ACTIVE');
  }, 240_000);

  it('cancels over the API at the worker', async () => {
    // A resting buy-back of the call at 0.05 (below the ask): ADJUST reduces the short leg.
    const leg = restStrangleBody(api.accounts.kotakId).legs[0];
    const res = await post('/api/orders', { ...leg, accountId: api.accounts.kotakId, purpose: 'ADJUST', positionId, side: 'BUY', quantity: 65, limitPrice: 0.05, idempotencyKey: 'split-adjust-1' });
    expect(res.status).toBe(201);
    const orderId = res.body.orderIds[0] as number;
    const tag = (await api.dataSource.getRepository(Order).findOneByOrFail({ id: orderId })).clientOrderId;
    expect(await brokerTags(worker!)).toContain(tag);
    expect(await brokerTags(api)).toEqual([]);

    const canceled = await post(`/api/orders/${orderId}/cancel`, {});
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({ id: orderId, status: 'PENDING_CANCEL' });
    expect((await clientOf(worker!)!.orderByTag(tag))?.state).toBe('CANCELED');
    await until('the order CANCELED over the API', async () => ((await get(`/api/orders/${orderId}`).expect(200)).body.status === 'CANCELED' ? true : undefined));
  }, 240_000);

  it("refuses new risk in the API while the worker's gate is MISMATCH, read from the worker's stored state; reductions pass", async () => {
    const workerGate = worker!.app.get(ReconciliationGate);
    workerGate.markUnreconciled(api.accounts.kotakId);
    await until("the worker's MISMATCH in the API's gate", () => (apiGate() === 'MISMATCH' ? true : undefined));
    const orders = () => api.dataSource.getRepository(Order).count({ where: { accountId: api.accounts.kotakId } });
    const before = await orders();
    const refused = await post('/api/orders/entry', restStrangleBody(api.accounts.kotakId, { idempotencyKey: 'split-mismatch-1' }));
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('NOT_RECONCILED');
    expect(await orders()).toBe(before);
    // A reduction passes the API's gate and the worker's gateway (the broker confirms the short call).
    const leg = restStrangleBody(api.accounts.kotakId).legs[0];
    const reduce = await post('/api/orders', { ...leg, accountId: api.accounts.kotakId, purpose: 'ADJUST', positionId, side: 'BUY', quantity: 65, limitPrice: 0.05, idempotencyKey: 'split-mismatch-adjust-1' });
    expect(reduce.status).toBe(201);
    expect(await orders()).toBe(before + 1);

    workerGate.markReconciled(api.accounts.kotakId);
    await until("the worker's RECONCILED in the API's gate", () => (apiGate() === 'RECONCILED' ? true : undefined));
  }, 240_000);

  it('answers 504 with the key when no worker answers; a late worker drops it, and the retry makes exactly one order', async () => {
    await worker!.stop();
    worker = undefined;
    const leg = restStrangleBody(api.accounts.kotakId).legs[1];
    const body = { ...leg, accountId: api.accounts.kotakId, purpose: 'ADJUST', positionId, side: 'BUY', quantity: 65, limitPrice: 0.05, idempotencyKey: 'split-late-1' };
    const late = await post('/api/orders', body);
    expect(late.status).toBe(504);
    expect(late.body).toMatchObject({ code: 'ORDER_COMMAND_TIMEOUT', idempotencyKey: 'split-late-1', commandId: expect.any(String) });
    const adjusts = () => api.dataSource.getRepository(Order).count({ where: { positionId, purpose: 'ADJUST', side: 'BUY', quantity: 65, instrumentType: 'PE' } });
    expect(await adjusts()).toBe(0);

    // A worker comes back and takes the queued command after the API stopped waiting: nothing is sent.
    worker = await startWorker();
    const queue = api.app.get<JobQueue>(JOB_QUEUE);
    await until('the late command to be run', async () => ((await queue.getJob(`orders.command@${late.body.commandId as string}`))?.state === 'completed' ? true : undefined));
    expect(await adjusts()).toBe(0);

    // The client retries with the key: one order, and the same one on a further retry.
    const retry = await post('/api/orders', body);
    expect(retry.status).toBe(201);
    const again = await post('/api/orders', body);
    expect(again.status).toBe(201);
    expect(again.body.orderIds).toEqual(retry.body.orderIds);
    expect(await adjusts()).toBe(1);
    expect(await brokerTags(api)).toEqual([]);
  }, 300_000);

  it('runs a command only in the worker holding the account: another holder means 503 and nothing sent', async () => {
    const redis = new (loadIoredis())(SHARED_REDIS_URL);
    const lease = `${prefix}:owner:account:${api.accounts.kotakId}`;
    try {
      // Another worker holds the account's lease (its broker session and paper book).
      await redis.set(lease, 'another-worker', 'PX', 60_000);
      const leg = restStrangleBody(api.accounts.kotakId).legs[1];
      const body = { ...leg, accountId: api.accounts.kotakId, purpose: 'ADJUST', positionId, side: 'BUY', quantity: 130, limitPrice: 0.05, idempotencyKey: 'split-owner-1' };
      const count = () => api.dataSource.getRepository(Order).count({ where: { positionId, purpose: 'ADJUST', quantity: 130 } });
      const refused = await post('/api/orders', body);
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('another worker') });
      expect(await count()).toBe(0);

      // The lease is free again: this worker takes it and the retry goes through, once.
      await redis.del(lease);
      expect((await post('/api/orders', body)).status).toBe(201);
      expect(await count()).toBe(1);
    } finally {
      await redis.quit();
    }
  }, 240_000);

  it('exits every account from the API with one command per account, each run by the worker holding it', async () => {
    const run = jest.spyOn(api.app.get(OrderCommands), 'run');
    try {
      const res = await post('/api/risk/exit-all-and-halt', { reason: 'split roles exit all' });
      expect(res.status).toBe(200);
      const accountIds = ((await api.dataSource.query('SELECT id FROM broker_accounts ORDER BY id')) as { id: number }[]).map((a) => Number(a.id));
      expect((res.body.accounts as { accountId: number }[]).map((a) => a.accountId)).toEqual(accountIds);
      expect(run.mock.calls.map(([kind, args]) => [kind, args['accountId']])).toEqual(accountIds.map((id) => ['positions.exit-all-and-halt', id]));
      const kotak = (res.body.accounts as { accountId: number; positions: { positionId: number }[] }[]).find((a) => a.accountId === api.accounts.kotakId);
      expect(kotak?.positions.map((p) => p.positionId)).toContain(positionId);

      // The exits went out through the worker's broker book; the API has none.
      const exits = await api.dataSource.getRepository(Order).findBy({ positionId, purpose: 'EXIT' });
      expect(exits.length).toBeGreaterThan(0);
      expect(await brokerTags(worker!)).toEqual(expect.arrayContaining(exits.map((o) => o.clientOrderId)));
      expect(await brokerTags(api)).toEqual([]);
      const icici = (res.body.accounts as { accountId: number; halted: boolean }[]).find((a) => a.accountId === api.accounts.iciciId);
      expect(icici?.halted).toBe(true);
      // Each worker-side run acted as the caller: its audit entries and the kill switch name the trader, not the system.
      const audits = await api.dataSource.getRepository(AuditLogEntity).findBy({ action: 'EXIT_ALL_AND_HALT' });
      expect(audits.map((a) => [Number(a.entityId), a.actor]).sort()).toEqual(accountIds.map((id) => [id, 'trader']).sort());
      expect(await accountById(api.dataSource, api.accounts.iciciId)).toMatchObject({ tradingState: 'HALTED', tradingStateSetBy: 'trader', tradingStateSetByRole: 'trader' });
    } finally {
      run.mockRestore();
    }
  }, 240_000);
});
