import type { EventEmitter } from 'events';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { isUnrecoverable } from './job-errors';
import type { JobHandlersRegistry } from './job-handlers.registry';
import { assertNoSecrets } from './job-payload.checks';
import type { EnqueueOptions, EnqueueResult, JobHandler, JobQueue, JobStateName, JobStatus, QueueDepth, RepeatableSchedule } from './job-queue.port';
import { isJobName, jobDefinition, QUEUE_NAMES, type JobName, type JobPayloads, type QueueName } from './job-registry';
import type { JobLogger, JobRunner } from './job-runner';

/** What the BullMQ driver needs. */
export interface BullMqJobQueueOptions {
  redisUrl: string;
  /** Key prefix in Redis: one per deployment (tests use a unique one and remove it). */
  prefix: string;
  runner: JobRunner;
  handlers: JobHandlersRegistry;
  logger: JobLogger;
}

const STATES: readonly JobStateName[] = ['waiting', 'delayed', 'active', 'completed', 'failed'];

/** A closed queue's late connection failure: nothing is left to do with it. */
const ignoreLateError = (): void => undefined;

/**
 * The scale-out driver: BullMQ 5 queues on Redis (REDIS_URL), one per registry queue,
 * processed with concurrency 1 by every process that calls `startProcessing` (the API in
 * embedded mode, or `worker` processes elsewhere). Job ids come from the registry, so an
 * id already in Redis is not added twice; finished jobs are kept for the registry retention.
 * Repeatables are BullMQ job schedulers, stored in Redis: they survive a restart of this
 * process and, with AOF, of Redis. Payload errors are never retried.
 */
export class BullMqJobQueue implements JobQueue {
  readonly driver = 'bullmq' as const;
  private readonly connection: IORedis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  private processing = false;
  private closed = false;

  constructor(private readonly opts: BullMqJobQueueOptions) {
    // Workers block on Redis: BullMQ requires maxRetriesPerRequest null (commands wait for a reconnect).
    this.connection = new IORedis(opts.redisUrl, { maxRetriesPerRequest: null });
    this.connection.on('error', (err) => opts.logger.warn({ msg: 'redis connection error', err: err.message }));
    for (const name of QUEUE_NAMES) {
      const queue = new Queue(name, { connection: this.connection, prefix: opts.prefix });
      queue.on('error', (err) => opts.logger.warn({ msg: 'job queue error', queue: name, err: err.message }));
      this.queues.set(name, queue);
    }
  }

  /** Adds a job with its registry id and options; a known id is a duplicate. Throws JobPayloadError on a bad payload. */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: EnqueueOptions = {}): Promise<EnqueueResult> {
    const definition = jobDefinition(name);
    const checked = definition.check(payload);
    assertNoSecrets(name, payload);
    const jobId = definition.jobId(checked);
    const queue = this.queueFor(name);
    // The add itself is atomic on the id; the look-up only tells the caller which case it was.
    const existed = jobId !== undefined && (await queue.getJob(jobId)) !== undefined;
    const job = await queue.add(name, checked, {
      jobId,
      attempts: definition.attempts,
      backoff: definition.backoffMs > 0 ? { type: 'exponential', delay: definition.backoffMs } : undefined,
      delay: opts.delayMs,
      removeOnComplete: { age: definition.keepSeconds },
      removeOnFail: { age: definition.keepSeconds },
    });
    return { jobId: String(job.id), duplicate: existed };
  }

  /** Upserts a BullMQ job scheduler (kept in Redis) that adds `schedule.job` every `everyMs`. */
  async schedule(schedule: RepeatableSchedule): Promise<void> {
    const definition = jobDefinition(schedule.job);
    await this.queueFor(schedule.job).upsertJobScheduler(
      schedule.id,
      { every: schedule.everyMs },
      { name: schedule.job, data: {}, opts: { attempts: definition.attempts, removeOnComplete: { age: definition.keepSeconds }, removeOnFail: { age: definition.keepSeconds } } },
    );
  }

  /** Every job scheduler in Redis under this prefix. */
  async listSchedules(): Promise<RepeatableSchedule[]> {
    const out: RepeatableSchedule[] = [];
    for (const queue of this.queues.values()) {
      for (const s of await queue.getJobSchedulers()) {
        if (isJobName(s.name) && s.every !== undefined) out.push({ id: s.key, job: s.name, everyMs: Number(s.every) });
      }
    }
    return out;
  }

  /** Delegates to the handlers registry. */
  registerHandler<N extends JobName>(name: N, handler: JobHandler<N>, owner?: string): void {
    this.opts.handlers.register(name, handler, owner);
  }

  /**
   * Starts one worker per queue (concurrency 1: each queue is serial in this process). Does
   * not wait for Redis: while it is unreachable the API still boots (health reports it), and
   * the workers are created once the connection is up.
   */
  async startProcessing(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    if (this.connection.status === 'ready') this.createWorkers();
    else this.connection.once('ready', this.createWorkers);
  }

  /** The job of that id in any queue, or null. */
  async getJob(jobId: string): Promise<JobStatus | null> {
    for (const queue of this.queues.values()) {
      const found = await queue.getJob(jobId);
      if (!found) continue;
      const state = await found.getState();
      // Read the job again after its state: a final state does not change, its counters may have.
      const job = (await queue.getJob(jobId)) ?? found;
      return {
        id: jobId,
        name: job.name,
        state: STATES.includes(state as JobStateName) ? (state as JobStateName) : state === 'prioritized' ? 'waiting' : 'unknown',
        attemptsMade: job.attemptsMade,
        failedReason: job.failedReason || undefined,
      };
    }
    return null;
  }

  /** Waiting (prioritized included), delayed and active counts of every queue, from Redis. */
  async depths(): Promise<QueueDepth[]> {
    const out: QueueDepth[] = [];
    for (const [name, queue] of this.queues) {
      const c = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
      out.push({ queue: name, waiting: (c['waiting'] ?? 0) + (c['prioritized'] ?? 0), delayed: c['delayed'] ?? 0, active: c['active'] ?? 0 });
    }
    return out;
  }

  /** The BullMQ queue of the queue name (tests and the health check). */
  bullQueue(name: QueueName): Queue {
    return this.queues.get(name) as Queue;
  }

  /** Closes workers (waiting for running jobs), queues and the connection. */
  async close(): Promise<void> {
    this.closed = true;
    this.connection.off('ready', this.createWorkers);
    await Promise.all(this.workers.splice(0).map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    // A queue closed before its connection was ever ready still waits for it, and that wait
    // fails on the disconnect below as an 'error' event after close() removed every listener:
    // keep one listener so the late failure is not an unhandled error (bullmq 5 behaviour).
    for (const q of this.queues.values()) (q as unknown as { connection?: EventEmitter }).connection?.on('error', ignoreLateError);
    // quit() would wait for a connection that may never come back: disconnect when not ready.
    if (this.connection.status === 'ready') await this.connection.quit().catch(() => this.connection.disconnect());
    else this.connection.disconnect();
  }

  // Created only on a live connection: BullMQ leaves a reconnect loop behind when a worker
  // that never connected is closed.
  private readonly createWorkers = (): void => {
    if (this.closed || this.workers.length > 0) return;
    for (const name of QUEUE_NAMES) {
      const worker = new Worker(name, (job: Job) => this.process(job), { connection: this.connection, prefix: this.opts.prefix, concurrency: 1 });
      worker.on('error', (err) => this.opts.logger.warn({ msg: 'job worker error', queue: name, err: err.message }));
      this.workers.push(worker);
    }
  };

  private queueFor(name: JobName): Queue {
    return this.queues.get(jobDefinition(name).queue) as Queue;
  }

  private async process(job: Job): Promise<void> {
    try {
      // The lag of a first attempt: from the time it was added (plus its delay) to now, wall time.
      const dueAtWallMs = job.attemptsMade === 0 ? job.timestamp + (job.delay ?? 0) : undefined;
      await this.opts.runner.run({ name: job.name, payload: job.data, jobId: String(job.id), attempt: job.attemptsMade + 1, dueAtWallMs });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // BullMQ retries unless told otherwise: bad payloads, unknown jobs and orders never are.
      if (isUnrecoverable(err) || !isJobName(job.name) || jobDefinition(job.name).attempts === 1) throw new UnrecoverableError(message);
      throw err;
    }
  }
}
