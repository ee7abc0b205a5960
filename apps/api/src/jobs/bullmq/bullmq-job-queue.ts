import type { EventEmitter } from 'events';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import type { BullRegistrar, WorkerHost } from '@nestjs/bullmq';
import type { Queue, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import type { JobHandlersRegistry } from '../job-handlers.registry';
import { assertNoSecrets } from '../job-payload.checks';
import type { EnqueueOptions, EnqueueResult, JobHandler, JobQueue, JobStateName, JobStatus, QueueDepth, RepeatableSchedule } from '../job-queue.port';
import { isJobName, jobDefinition, type JobName, type JobPayloads, type QueueName } from '../job-registry';
import type { JobLogger } from '../job-runner';

/** What the BullMQ driver is given by `BullMqJobsModule` (all of it built by @nestjs/bullmq but the connection). */
export interface BullMqJobQueueDeps {
  prefix: string;
  connection: IORedis;
  /** The @nestjs/bullmq queue of every registry queue. */
  queues: ReadonlyMap<QueueName, Queue>;
  /** Creates the workers of the processors (manual registration). */
  registrar: Pick<BullRegistrar, 'register'>;
  /** The processor hosts; their workers exist once `registrar.register()` ran. */
  processors: readonly WorkerHost[];
  handlers: JobHandlersRegistry;
  logger: JobLogger;
}

const STATES: readonly JobStateName[] = ['waiting', 'delayed', 'active', 'completed', 'failed'];

/** How long a worker's close may wait for its running job before it is forced (wall time). */
const WORKER_CLOSE_GRACE_MS = 10_000;

/** A closed queue's late connection failure: nothing is left to do with it. */
const ignoreLateError = (): void => undefined;

/**
 * The scale-out driver: BullMQ 5 queues on Redis (REDIS_URL), one per registry queue, wired by
 * @nestjs/bullmq (`BullMqJobsModule`); processed with concurrency 1 by every process that calls
 * `startProcessing` (the API in embedded mode, or `worker` processes elsewhere). Job ids come
 * from the registry, so an id already in Redis is not added twice; finished jobs are kept for
 * the registry retention. Repeatables are BullMQ job schedulers, stored in Redis: they survive
 * a restart of this process and, with AOF, of Redis. Payload errors and one-attempt jobs are never
 * retried (`BullMqJobExecutor`).
 */
export class BullMqJobQueue implements JobQueue, BeforeApplicationShutdown {
  readonly driver = 'bullmq' as const;
  private processing = false;
  private registered = false;
  private closing?: Promise<void>;

  constructor(private readonly deps: BullMqJobQueueDeps) {
    for (const [name, queue] of deps.queues) {
      queue.on('error', (err) => deps.logger.warn({ msg: 'job queue error', queue: name, err: err.message }));
    }
  }

  /** The Redis key prefix of the queues. */
  get prefix(): string {
    return this.deps.prefix;
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
    for (const queue of this.deps.queues.values()) {
      for (const s of await queue.getJobSchedulers()) {
        if (isJobName(s.name) && s.every !== undefined) out.push({ id: s.key, job: s.name, everyMs: Number(s.every) });
      }
    }
    return out;
  }

  /** Delegates to the handlers registry. */
  registerHandler<N extends JobName>(name: N, handler: JobHandler<N>, owner?: string): void {
    this.deps.handlers.register(name, handler, owner);
  }

  /**
   * Starts the processors' workers (one per queue). Does not wait for Redis: while it is
   * unreachable the API still boots (health reports it), and the workers are created once the
   * connection is up.
   */
  async startProcessing(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    if (this.deps.connection.status === 'ready') this.registerWorkers();
    else this.deps.connection.once('ready', this.registerWorkers);
  }

  /** The job of that id in any queue, or null. */
  async getJob(jobId: string): Promise<JobStatus | null> {
    for (const queue of this.deps.queues.values()) {
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
    for (const [name, queue] of this.deps.queues) {
      const c = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
      out.push({ queue: name, waiting: (c['waiting'] ?? 0) + (c['prioritized'] ?? 0), delayed: c['delayed'] ?? 0, active: c['active'] ?? 0 });
    }
    return out;
  }

  /** Workers first, before the other modules (the database) shut down: running jobs finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.shutdown();
  }

  /**
   * Closes workers (waiting for running jobs), queues and the connection. Idempotent: Nest's
   * own shutdown hooks of @nestjs/bullmq close the same workers and queues again, a no-op.
   */
  close(): Promise<void> {
    return this.shutdown();
  }

  private shutdown(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    const { connection, queues } = this.deps;
    connection.off('ready', this.registerWorkers);
    await Promise.all(this.workers().map((w) => this.closeWorker(w)));
    await Promise.all([...queues.values()].map((q) => q.close()));
    // A queue closed before its connection was ever ready still waits for it, and that wait
    // fails on the disconnect below as an 'error' event after close() removed every listener:
    // keep one listener so the late failure is not an unhandled error (bullmq 5 behaviour).
    for (const q of queues.values()) (q as unknown as { connection?: EventEmitter }).connection?.on('error', ignoreLateError);
    // quit() would wait for a connection that may never come back: disconnect when not ready.
    if (connection.status === 'ready') await connection.quit().catch(() => connection.disconnect());
    else connection.disconnect();
  }

  /**
   * Closes a worker, letting its running job finish; a close still pending after the grace
   * period (a blocking command stuck on a connection that came back after a Redis restart, seen
   * once in CI) is forced, so a shutdown never hangs: a job cut short stays active in Redis and
   * BullMQ's stalled-job check hands it to the next worker.
   */
  private async closeWorker(worker: Worker): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const graceful = worker.close().then(() => true);
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), WORKER_CLOSE_GRACE_MS);
      timer.unref();
    });
    const closed = await Promise.race([graceful, timedOut]).finally(() => clearTimeout(timer));
    if (closed) return;
    this.deps.logger.warn({ msg: 'job worker did not close in time: forced', queue: worker.name, graceMs: WORKER_CLOSE_GRACE_MS });
    await worker.close(true).catch(() => undefined);
  }

  // Registered only on a live connection: BullMQ leaves a reconnect loop behind when a worker
  // that never connected is closed.
  private readonly registerWorkers = (): void => {
    if (this.closing || this.registered) return;
    this.registered = true;
    this.deps.registrar.register();
  };

  private workers(): Worker[] {
    return this.registered ? this.deps.processors.map((p) => p.worker) : [];
  }

  private queueFor(name: JobName): Queue {
    return this.deps.queues.get(jobDefinition(name).queue) as Queue;
  }
}
