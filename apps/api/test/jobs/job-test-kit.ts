import { createDefaultNseCalendar, epochMsOfIst, FixedClock, type NseCalendar } from '@mcube/domain';
import IORedis from 'ioredis';
import { BullMqJobQueue } from '../../src/jobs/bullmq-job-queue';
import { InProcessJobQueue } from '../../src/jobs/in-process-job-queue';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import type { JobContext, JobHandler, JobQueue, JobStatus } from '../../src/jobs/job-queue.port';
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
export function makeDriver(kind: 'in-process' | 'bullmq', opts: { overrides?: Partial<Record<JobName, JobHandler>>; redisUrl?: string; prefix?: string; startMs?: number } = {}): DriverUnderTest {
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
  const queue = new BullMqJobQueue({ redisUrl, prefix, runner, handlers, logger });
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
