import 'reflect-metadata';
import { loadConfig } from './config/load-config';
import { createWorkerContext } from './worker-context';

/**
 * Worker entry point (`node dist/apps/api/apps/api/src/worker.js`, same environment as the
 * API): runs the job processors without HTTP; the schedule follows MCUBE_JOB_SCHEDULE.
 * Without REDIS_URL a worker only runs what it enqueues itself, so it is meant for Redis.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (!config.redisUrl) process.stderr.write('worker: REDIS_URL is not set; the in-process driver serves this process only\n');
  const app = await createWorkerContext(config);
  app.enableShutdownHooks();
  process.stdout.write(`mCube worker running (${config.redisUrl ? 'BullMQ' : 'in-process'} queues)\n`);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
