import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import type { WsMessage } from '@mcube/contracts';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config/load-config';
import { JOB_QUEUE, type JobQueue } from '../../src/jobs/job-queue.port';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { ORDER_SYNC_SCHEDULE_ID, OrderSyncScheduler } from '../../src/modules/orders/paper/order-sync.scheduler';
import { AccountLeases } from '../../src/roles/account-leases';
import { createWorkerContext } from '../../src/worker-context';
import { deletePrefix, SHARED_REDIS_URL, uniquePrefix } from '../jobs/job-test-kit';
import { login, SecurityApp, SessionAuth, startSecurityApp, testEnv } from '../security/security-app';
import { until } from './until';

const quiet = () => new Writable({ write: (_chunk, _enc, done) => done() });

// Issue 13 process roles: an API process (MCUBE_ROLE=api) and a worker context sharing real
// Redis (queues, the events channel and the account leases, under a prefix of this run) and
// the database. The worker alone runs order sync (the registry job) and owns the accounts;
// order and position events it raises reach the API's socket.
describe('the api role and the worker role in two app contexts', () => {
  const prefix = uniquePrefix();
  const redisEnv = { REDIS_URL: SHARED_REDIS_URL, MCUBE_QUEUE_PREFIX: prefix, MCUBE_SHARED_DATA: process.env['MCUBE_SHARED_DATA'] };
  let api: SecurityApp;
  let worker: INestApplicationContext | undefined;
  let viewer: SessionAuth;
  let ws: WebSocket | undefined;

  beforeAll(async () => {
    api = await startSecurityApp({ env: { ...redisEnv, MCUBE_ROLE: 'api' } });
    await api.app.listen(0, '127.0.0.1');
    worker = await createWorkerContext(loadConfig(testEnv(api.db.database, { ...redisEnv, LOG_LEVEL: 'silent' })), { logger: { destination: quiet() } });
    viewer = await login(api, 'viewer');
  }, 180_000);

  afterAll(async () => {
    ws?.terminate();
    await worker?.close();
    await api?.close();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  it('runs order sync and holds the accounts only in the worker', async () => {
    const apiPasses: number[] = [];
    const apiSync = api.app.get(OrderSyncScheduler);
    apiSync.tick = async () => void apiPasses.push(Date.now());
    const workerPasses: number[] = [];
    const workerSync = worker!.get(OrderSyncScheduler);
    const original = workerSync.tick.bind(workerSync);
    workerSync.tick = async () => {
      workerPasses.push(Date.now());
      return original();
    };
    // The worker scheduled the repeatable in Redis; its ticks run there (the api role has no processors).
    expect((await worker!.get<JobQueue>(JOB_QUEUE).listSchedules()).map((s) => s.id)).toContain(ORDER_SYNC_SCHEDULE_ID);
    await until('three order-sync passes in the worker', () => (workerPasses.length >= 3 ? true : undefined));
    expect(apiPasses).toEqual([]);

    expect(await api.app.get(AccountLeases).owns(1)).toBe(false);
    expect(await worker!.get(AccountLeases).owns(1)).toBe(true);
    expect(await api.app.get(AccountLeases).owns(1)).toBe(false);
  }, 180_000);

  it("delivers the worker's order and position events to the API's socket", async () => {
    const port = (api.app.getHttpServer().address() as AddressInfo).port;
    ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { cookie: viewer.cookie } });
    const seen: WsMessage[] = [];
    ws.on('message', (data) => seen.push(JSON.parse(String(data)) as WsMessage));
    await new Promise((r) => ws!.once('open', r));

    const bus = worker!.get(AppEventsBus);
    const order = { orderId: 987_654, status: 'FILLED' };
    const position = { positionId: 876_543, status: 'ACTIVE' };
    // Published until seen: the relay may still be subscribing when the first goes out.
    await until('the order event on the API socket', () => {
      bus.publish('order.updated', order as never);
      return seen.find((m) => m.event === 'order.updated' && (m.data as { orderId?: number }).orderId === order.orderId);
    });
    await until('the position event on the API socket', () => {
      bus.publish('position.updated', position as never);
      return seen.find((m) => m.event === 'position.updated' && (m.data as { positionId?: number }).positionId === position.positionId);
    });
  }, 180_000);
});
