import { Writable } from 'node:stream';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '../../src/config/load-config';
import { JOB_QUEUE, type JobQueue } from '../../src/jobs/job-queue.port';
import { OrderSyncScheduler } from '../../src/modules/orders/paper/order-sync.scheduler';
import { AccountLeases } from '../../src/roles/account-leases';
import { createWorkerContext } from '../../src/worker-context';
import { deletePrefix, SHARED_REDIS_URL, uniquePrefix } from '../jobs/job-test-kit';
import { startSecurityApp, testEnv, type SecurityApp } from '../security/security-app';
import { until } from './until';

const quiet = () => new Writable({ write: (_chunk, _enc, done) => done() });

/** Counts the order-sync passes of a worker (the pass itself still runs). */
function countPasses(worker: INestApplicationContext): { count: number } {
  const counter = { count: 0 };
  const sync = worker.get(OrderSyncScheduler);
  const original = sync.tick.bind(sync);
  sync.tick = async () => {
    counter.count++;
    return original();
  };
  return counter;
}

// Issue 13 process roles with two workers on BullMQ (one database, real Redis under this run's
// prefix). One worker holds the accounts; the other takes ticks of the order-sync repeatable.
// The holder's accounts are synced on every tick even when it takes none: the taker announces
// each tick and the holder runs its pass.
describe('order sync with two workers', () => {
  const prefix = uniquePrefix();
  const redisEnv = { REDIS_URL: SHARED_REDIS_URL, MCUBE_QUEUE_PREFIX: prefix, MCUBE_SHARED_DATA: process.env['MCUBE_SHARED_DATA'] };
  let api: SecurityApp;
  const workers: INestApplicationContext[] = [];
  const startWorker = async () => {
    const w = await createWorkerContext(loadConfig(testEnv(api.db.database, { ...redisEnv, LOG_LEVEL: 'silent' })), { logger: { destination: quiet() } });
    workers.push(w);
    return w;
  };

  beforeAll(async () => {
    // The api app seeds the database (users, the Kotak and ICICI paper accounts) and runs no job.
    api = await startSecurityApp({ env: { ...redisEnv, MCUBE_ROLE: 'api' } });
  }, 180_000);

  afterAll(async () => {
    for (const w of workers) await w.close();
    await api?.close();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  it("keeps syncing the holder's accounts every tick while only the other worker takes ticks", async () => {
    const holder = await startWorker();
    // The first worker takes the accounts' leases at boot (its reconciliation and first passes).
    await until('the first worker to hold account 1', () => holder.get(AccountLeases).owns(1));
    const other = await startWorker();
    expect(await other.get(AccountLeases).owns(1)).toBe(false);
    const holderPasses = countPasses(holder);
    const otherPasses = countPasses(other);

    // The holder stops taking jobs: from now on every tick of the repeatable goes to the other worker.
    await holder.get<JobQueue>(JOB_QUEUE).close();
    const before = holderPasses.count;
    await until('two ticks taken by the other worker', () => otherPasses.count >= 2);
    await until("two more passes of the holder, on the other worker's ticks", () => holderPasses.count >= before + 2, 20_000);
    expect(await holder.get(AccountLeases).owns(1)).toBe(true);
  }, 240_000);
});
