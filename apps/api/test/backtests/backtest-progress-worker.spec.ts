import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import type { BacktestDetailResponse, BacktestProgressEvent, BacktestRunResponse, WsMessage } from '@mcube/contracts';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config/load-config';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { BacktestJobHandler } from '../../src/modules/backtests/backtest-job-handler';
import { createWorkerContext } from '../../src/worker-context';
import { deletePrefix, SHARED_REDIS_URL, uniquePrefix } from '../jobs/job-test-kit';
import { login, SecurityApp, SessionAuth, startSecurityApp, testEnv } from '../security/security-app';

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 240_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const quiet = () => new Writable({ write: (_chunk, _enc, done) => done() });

// Issue 18 §2 with the worker role: an API that runs no jobs (MCUBE_RUN_WORKERS=false) and a
// separate worker process context sharing real Redis (BullMQ queues and the events channel,
// under a prefix no other run uses) and the database. The backtest runs in the worker; its
// `backtest.progress` must still reach the API's socket (through the Redis events relay).
describe('backtest progress from a worker process reaches the API socket', () => {
  const prefix = uniquePrefix();
  const redisEnv = { REDIS_URL: SHARED_REDIS_URL, MCUBE_QUEUE_PREFIX: prefix, MCUBE_SHARED_DATA: process.env['MCUBE_SHARED_DATA'] };
  let api: SecurityApp;
  let worker: INestApplicationContext | undefined;
  let trader: SessionAuth;
  let viewer: SessionAuth;
  let ws: WebSocket | undefined;

  beforeAll(async () => {
    api = await startSecurityApp({ env: { ...redisEnv, MCUBE_RUN_WORKERS: 'false' } });
    await api.app.listen(0, '127.0.0.1');
    worker = await createWorkerContext(loadConfig(testEnv(api.db.database, { ...redisEnv, LOG_LEVEL: 'silent' })), { logger: { destination: quiet() } });
    trader = await login(api, 'trader');
    viewer = await login(api, 'viewer');
  }, 180_000);

  afterAll(async () => {
    ws?.terminate();
    await worker?.close();
    await api?.close();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  it('pushes every progress step and the completion of a run the worker executes', async () => {
    // The API has no processors: only the worker can run the job.
    const apiRuns: number[] = [];
    const apiHandler = api.app.get(BacktestJobHandler);
    const original = apiHandler.run.bind(apiHandler);
    apiHandler.run = async (runId: number) => {
      apiRuns.push(runId);
      return original(runId);
    };
    const workerRuns: number[] = [];
    const workerHandler = worker!.get(BacktestJobHandler);
    const workerOriginal = workerHandler.run.bind(workerHandler);
    workerHandler.run = async (runId: number) => {
      workerRuns.push(runId);
      return workerOriginal(runId);
    };
    expect(worker!.get(JobHandlersRegistry).ownerOf('backtests.run')).toBe('BacktestsModule (BacktestJobHandler.onRunJob)');

    const port = (api.app.getHttpServer().address() as AddressInfo).port;
    ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { cookie: viewer.cookie } });
    const progress: BacktestProgressEvent[] = [];
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as WsMessage;
      if (m.event === 'backtest.progress') progress.push(m.data);
    });
    await new Promise((r) => ws!.once('open', r));

    const body = { strategy: 'kotak-strangle', from: '2026-03-02', to: '2026-03-13', dataSource: 'SIMULATOR', seed: 11, params: { 'engine.tickMinutes': 15 } };
    const created = (await api.http().post('/api/backtests').set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send(body).expect(202)).body as BacktestRunResponse;

    const done = await until('the completion on the API socket', () => progress.find((p) => p.runId === created.id && p.status !== 'RUNNING'));
    expect(done.status).toBe('COMPLETED');
    expect(workerRuns).toEqual([created.id]);
    expect(apiRuns).toEqual([]);
    const running = progress.filter((p) => p.runId === created.id && p.status === 'RUNNING' && p.daysTotal > 0);
    expect(running.length).toBeGreaterThan(3);
    // In order, each once: the relay neither reorders nor echoes them back.
    expect(running.map((p) => p.daysDone)).toEqual([...new Set(running.map((p) => p.daysDone))].sort((a, b) => a - b));
    expect(running[running.length - 1].daysDone).toBe(running[0].daysTotal);
    expect(progress.filter((p) => p.runId === created.id && p.status === 'COMPLETED')).toHaveLength(1);

    const detail = (await api.http().get(`/api/backtests/${created.id}`).set('cookie', viewer.cookie).expect(200)).body as BacktestDetailResponse;
    expect(detail).toMatchObject({ id: created.id, status: 'COMPLETED', progressPct: 100 });
  }, 300_000);
});
