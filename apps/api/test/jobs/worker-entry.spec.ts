import { Writable } from 'node:stream';
import type { INestApplicationContext } from '@nestjs/common';
import { createDefaultNseCalendar, FixedClock } from '@mcube/domain';
import { loadConfig } from '../../src/config/load-config';
import type { BullMqJobQueue } from '../../src/jobs/bullmq/bullmq-job-queue';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { JobRunner } from '../../src/jobs/job-runner';
import { createWorkerContext } from '../../src/worker-context';
import { createTestDatabase, databaseEnv, type TestDatabase } from '../db/test-database';
import { deletePrefix, memoryLogger, settled, SHARED_REDIS_URL, startBullMqJobQueue, uniquePrefix } from './job-test-kit';

const quiet = () => new Writable({ write: (_chunk, _enc, done) => done() });

describe('worker entry point', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext | undefined;
  let producer: BullMqJobQueue | undefined;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    db = await createTestDatabase();
    await (await db.openMigrated()).destroy();
  });

  afterAll(async () => {
    await producer?.close();
    await worker?.close();
    await db.dispose();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  it('runs, without HTTP, the jobs another process (an API with MCUBE_RUN_WORKERS=false) enqueues on Redis', async () => {
    const env = { NODE_ENV: 'test', ...databaseEnv(db.database), REDIS_URL: SHARED_REDIS_URL, MCUBE_QUEUE_PREFIX: prefix, MCUBE_RUN_WORKERS: 'false', LOG_LEVEL: 'silent' };
    worker = await createWorkerContext(loadConfig(env), { logger: { destination: quiet() } });
    expect('listen' in worker).toBe(false);

    // The HTTP node's side: a queue that only enqueues (its processors are off).
    const handlers = new JobHandlersRegistry();
    const clock = new FixedClock(Date.now());
    const logger = memoryLogger();
    producer = await startBullMqJobQueue({ redisUrl: SHARED_REDIS_URL, prefix, handlers, logger, runner: new JobRunner({ handlers, clock, calendar: createDefaultNseCalendar(), logger }) });
    const { jobId } = await producer.enqueue('approvals.expire', { slot: '2026-11-23T10:00:00' });

    expect((await settled(producer, jobId)).state).toBe('completed');
    // Only the worker has processors: the job completed there, by the strategies module's handler
    // (no request is pending: nothing expires).
    expect(worker.get(JobHandlersRegistry).ownerOf('approvals.expire')).toBe('StrategiesModule (IciciJobHandlers.expireApprovals)');
  }, 30_000);
});
