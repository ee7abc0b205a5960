import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createDefaultNseCalendar, epochMsOfIst, FixedClock, type NseCalendar } from '@mcube/domain';
import IORedis from 'ioredis';
import type { BullMqJobQueue } from '../../src/jobs/bullmq/bullmq-job-queue';
import { BullMqJobsModule } from '../../src/jobs/bullmq/bullmq-jobs.module';
import { InProcessJobQueue } from '../../src/jobs/in-process-job-queue';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { BULLMQ_JOB_QUEUE, JOB_LOGGER, JOB_RUNNER, type JobContext, type JobHandler, type JobQueue, type JobStatus } from '../../src/jobs/job-queue.port';
import { JOB_NAMES, type JobName } from '../../src/jobs/job-registry';
import { JobRunner, type JobLogger } from '../../src/jobs/job-runner';

/** The shared Redis of the machine (and CI). */
export const SHARED_REDIS_URL = 'redis://127.0.0.1:6379';

/** A logger that keeps lines for assertions instead of printing. */
export function memoryLogger(): JobLogger & { lines: unknown[] } {
  const lines: unknown[] = [];
  return { lines, log: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

/** A BullMQ key prefix no other test run uses. */
export function uniquePrefix(): string {
  return `mcube-test-${process.pid}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** Deletes every key under `prefix` (SCAN, never KEYS *). */
export async function deletePrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** What the BullMQ driver needs from the jobs module. */
export interface BullMqJobQueueParts {
  redisUrl: string;
  prefix: string;
  runner: JobRunner;
  handlers: JobHandlersRegistry;
  logger: JobLogger;
}

@Module({})
class BullMqTestRoot {}

/**
 * The BullMQ driver as the app wires it (`BullMqJobsModule`, @nestjs/bullmq) in a Nest context
 * of its own, with the runner, handlers and logger given in place of the jobs module's. Closing
 * the queue (or the context) closes workers, queues and the connection.
 */
export async function startBullMqJobQueue(parts: BullMqJobQueueParts): Promise<BullMqJobQueue> {
  const jobsStandIn: DynamicModule = {
    module: class JobsStandIn {},
    global: true,
    providers: [
      { provide: JOB_RUNNER, useValue: parts.runner },
      { provide: JobHandlersRegistry, useValue: parts.handlers },
      { provide: JOB_LOGGER, useValue: parts.logger },
    ],
    exports: [JOB_RUNNER, JobHandlersRegistry, JOB_LOGGER],
  };
  const app = await NestFactory.createApplicationContext(
    { module: BullMqTestRoot, imports: [jobsStandIn, BullMqJobsModule.forRoot({ redisUrl: parts.redisUrl, prefix: parts.prefix })] },
    { logger: false, abortOnError: false },
  );
  const queue = app.get<BullMqJobQueue>(BULLMQ_JOB_QUEUE);
  const closeQueue = queue.close.bind(queue);
  // Closing the queue closes the context too (its shutdown hooks close the same things again: no-ops).
  queue.close = async () => {
    await closeQueue();
    await app.close();
  };
  return queue;
}

/** Every handler run, in order. */
export interface RecordedRun {
  name: JobName;
  jobId: string;
  attempt: number;
  payload: unknown;
  atMs: number;
}

/** A registry with a recording handler for every job; `overrides` replace some (after recording). */
export function recordingHandlers(clock: { nowMs(): number }, overrides: Partial<Record<JobName, JobHandler>> = {}): { handlers: JobHandlersRegistry; runs: RecordedRun[] } {
  const handlers = new JobHandlersRegistry();
  const runs: RecordedRun[] = [];
  for (const name of JOB_NAMES) {
    handlers.register(name, async (payload: unknown, ctx: JobContext) => {
      runs.push({ name, jobId: ctx.jobId, attempt: ctx.attempt, payload, atMs: clock.nowMs() });
      await overrides[name]?.(payload as never, ctx);
    });
  }
  return { handlers, runs };
}

/** A driver under test with what the assertions need. */
export interface DriverUnderTest {
  queue: JobQueue;
  runs: RecordedRun[];
  clock: FixedClock;
  calendar: NseCalendar;
  logger: ReturnType<typeof memoryLogger>;
  close(): Promise<void>;
}

/** 2026-11-23 (a Monday, a trading day) 10:00:02 IST. */
export const TRADING_MORNING_MS = epochMsOfIst('2026-11-23', '10:00:02');

/** Builds a driver with recording handlers; BullMQ gets a unique prefix, removed on close. */
export async function makeDriver(kind: 'in-process' | 'bullmq', opts: { overrides?: Partial<Record<JobName, JobHandler>>; redisUrl?: string; prefix?: string; startMs?: number } = {}): Promise<DriverUnderTest> {
  const clock = new FixedClock(opts.startMs ?? TRADING_MORNING_MS);
  const calendar = createDefaultNseCalendar();
  const logger = memoryLogger();
  const { handlers, runs } = recordingHandlers(clock, opts.overrides);
  const runner = new JobRunner({ handlers, clock, calendar, logger });
  if (kind === 'in-process') {
    const queue = new InProcessJobQueue({ runner, handlers, clock, logger, sleep: async () => undefined });
    return { queue, runs, clock, calendar, logger, close: () => queue.close() };
  }
  const redisUrl = opts.redisUrl ?? SHARED_REDIS_URL;
  const prefix = opts.prefix ?? uniquePrefix();
  const queue = await startBullMqJobQueue({ redisUrl, prefix, runner, handlers, logger });
  return {
    queue,
    runs,
    clock,
    calendar,
    logger,
    close: async () => {
      await queue.close();
      await deletePrefix(redisUrl, prefix);
    },
  };
}

/** Polls the job until it is completed or failed (or throws after `timeoutMs`). */
export async function settled(queue: JobQueue, jobId: string, timeoutMs = 10_000): Promise<JobStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(jobId);
    if (job && (job.state === 'completed' || job.state === 'failed')) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not settle within ${timeoutMs} ms (state ${job?.state ?? 'unknown'})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits `ms` of real time (to let a wrongly duplicated job run, if it would). */
export function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
