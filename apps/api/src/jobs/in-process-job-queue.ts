import type { SchedulerRegistry } from '@nestjs/schedule';
import type { Clock } from '@mcube/domain';
import type { Sleep } from '../modules/core/clock/clock.token';
import { timerSleep } from '../modules/core/clock/system-clock';
import { isUnrecoverable } from './job-errors';
import type { JobHandlersRegistry } from './job-handlers.registry';
import { assertNoSecrets } from './job-payload.checks';
import type { EnqueueOptions, EnqueueResult, JobHandler, JobQueue, JobStatus, QueueDepth, RepeatableSchedule } from './job-queue.port';
import { jobDefinition, QUEUE_NAMES, type JobName, type JobPayloads, type QueueName } from './job-registry';
import type { JobLogger, JobRunner } from './job-runner';

interface Entry extends JobStatus {
  name: JobName;
  payload: unknown;
  /** Wall-clock ms when it became due (for the lag metric). */
  dueAtWallMs: number;
  finishedAtMs?: number;
}

/** What the in-process driver needs. */
/** The name of a repeatable's timer in the SchedulerRegistry. */
const intervalName = (scheduleId: string): string => `jobs:${scheduleId}`;

export interface InProcessJobQueueOptions {
  runner: JobRunner;
  handlers: JobHandlersRegistry;
  clock: Clock;
  logger: JobLogger;
  /** Waits between retries (tests pass a no-wait). */
  sleep?: Sleep;
  /**
   * Where the repeatable timers are registered so the framework sees and stops them: Nest's
   * `SchedulerRegistry` (@nestjs/schedule) in the app; absent in plain unit tests.
   */
  intervals?: Pick<SchedulerRegistry, 'addInterval' | 'deleteInterval' | 'doesExist'>;
}

/**
 * The embedded driver: jobs run in this process, one at a time per queue, in enqueue order.
 * A job id is remembered until its registry retention ends (on the clock), so the same id
 * enqueued again is a duplicate and does not run. Retries per the registry with doubling
 * backoff; JobPayloadError is never retried. Jobs enqueued before
 * `startProcessing` wait for it. Nothing survives a restart (use BullMQ for that).
 */
export class InProcessJobQueue implements JobQueue {
  readonly driver = 'in-process' as const;
  private readonly jobs = new Map<string, Entry>();
  private readonly chains = new Map<QueueName, Promise<void>>();
  private readonly parked: Entry[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly repeatables = new Map<string, { schedule: RepeatableSchedule; timer: NodeJS.Timeout }>();
  private readonly sleep: Sleep;
  private processing = false;
  private closed = false;
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  private seq = 0;
  private lastSweepMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly opts: InProcessJobQueueOptions) {
    this.sleep = opts.sleep ?? timerSleep;
  }

  /** Adds a job unless its id is known; throws JobPayloadError on a bad payload, Error once closed. */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: EnqueueOptions = {}): Promise<EnqueueResult> {
    if (this.closed) throw new Error('job queue is closed');
    const definition = jobDefinition(name);
    const checked = definition.check(payload);
    assertNoSecrets(name, payload);
    const jobId = definition.jobId(checked) ?? `${name}#${++this.seq}`;
    this.forgetExpired();
    if (this.jobs.has(jobId)) return { jobId, duplicate: true };
    const delayMs = opts.delayMs ?? 0;
    const entry: Entry = { id: jobId, name, payload: checked, state: 'waiting', attemptsMade: 0, dueAtWallMs: Date.now() + delayMs };
    this.jobs.set(jobId, entry);
    if (delayMs > 0) {
      entry.state = 'delayed';
      this.inFlight++;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        entry.state = 'waiting';
        this.dispatch(entry);
        this.settle();
      }, delayMs);
      this.timers.add(timer);
    } else {
      this.dispatch(entry);
    }
    return { jobId, duplicate: false };
  }

  /** Enqueues `schedule.job` every `everyMs` with a timer (replacing a repeatable of the same id). */
  async schedule(schedule: RepeatableSchedule): Promise<void> {
    const existing = this.repeatables.get(schedule.id);
    if (existing) this.stopRepeatable(schedule.id, existing.timer);
    const timer = setInterval(() => {
      this.enqueue(schedule.job, {} as never).catch((err: unknown) => this.opts.logger.error({ msg: 'repeatable enqueue failed', schedule: schedule.id, err }));
    }, schedule.everyMs);
    timer.unref?.();
    this.opts.intervals?.addInterval(intervalName(schedule.id), timer);
    this.repeatables.set(schedule.id, { schedule, timer });
  }

  /** The repeatables of this process. */
  async listSchedules(): Promise<RepeatableSchedule[]> {
    return [...this.repeatables.values()].map((r) => r.schedule);
  }

  /** Delegates to the handlers registry. */
  registerHandler<N extends JobName>(name: N, handler: JobHandler<N>, owner?: string): void {
    this.opts.handlers.register(name, handler, owner);
  }

  /** Starts running jobs, including those enqueued before. */
  async startProcessing(): Promise<void> {
    this.processing = true;
    for (const entry of this.parked.splice(0)) this.dispatch(entry);
  }

  /** The job's state while it is remembered. */
  async getJob(jobId: string): Promise<JobStatus | null> {
    const entry = this.jobs.get(jobId);
    return entry ? { id: entry.id, name: entry.name, state: entry.state, attemptsMade: entry.attemptsMade, failedReason: entry.failedReason } : null;
  }

  /** Jobs remembered by state, per queue. */
  async depths(): Promise<QueueDepth[]> {
    const out = new Map<string, QueueDepth>(QUEUE_NAMES.map((q) => [q, { queue: q, waiting: 0, delayed: 0, active: 0 }]));
    for (const entry of this.jobs.values()) {
      const depth = out.get(jobDefinition(entry.name).queue);
      if (depth && (entry.state === 'waiting' || entry.state === 'delayed' || entry.state === 'active')) depth[entry.state] += 1;
    }
    return [...out.values()];
  }

  /** Resolves when no job is waiting, delayed or running (tests and shutdown). */
  onIdle(): Promise<void> {
    return this.inFlight === 0 && this.parked.length === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops timers and repeatables, then waits for the running and queued jobs to finish. */
  private stopRepeatable(id: string, timer: NodeJS.Timeout): void {
    clearInterval(timer);
    const name = intervalName(id);
    if (this.opts.intervals?.doesExist('interval', name)) this.opts.intervals.deleteInterval(name);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const [id, { timer }] of this.repeatables) this.stopRepeatable(id, timer);
    this.repeatables.clear();
    for (const timer of this.timers) clearTimeout(timer);
    this.inFlight -= this.timers.size;
    this.timers.clear();
    await Promise.all(this.chains.values());
  }

  private dispatch(entry: Entry): void {
    if (!this.processing) {
      this.parked.push(entry);
      return;
    }
    const queue = jobDefinition(entry.name).queue;
    this.inFlight++;
    const next = (this.chains.get(queue) ?? Promise.resolve()).then(() => this.execute(entry)).finally(() => this.settle());
    this.chains.set(queue, next);
  }

  private settle(): void {
    this.inFlight--;
    if (this.inFlight === 0 && this.parked.length === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async execute(entry: Entry): Promise<void> {
    const definition = jobDefinition(entry.name);
    for (;;) {
      entry.state = 'active';
      entry.attemptsMade++;
      try {
        await this.opts.runner.run({ name: entry.name, payload: entry.payload, jobId: entry.id, attempt: entry.attemptsMade, dueAtWallMs: entry.attemptsMade === 1 ? entry.dueAtWallMs : undefined });
        entry.state = 'completed';
        break;
      } catch (err) {
        entry.failedReason = err instanceof Error ? err.message : String(err);
        if (isUnrecoverable(err) || entry.attemptsMade >= definition.attempts || this.closed) {
          entry.state = 'failed';
          break;
        }
        entry.state = 'delayed';
        await this.sleep(definition.backoffMs * 2 ** (entry.attemptsMade - 1));
      }
    }
    entry.finishedAtMs = this.opts.clock.nowMs();
  }

  private forgetExpired(): void {
    const now = this.opts.clock.nowMs();
    // A sweep at most once a minute of clock time keeps enqueue cheap with thousands of ids.
    if (now - this.lastSweepMs < 60_000) return;
    this.lastSweepMs = now;
    for (const [id, entry] of this.jobs) {
      if (entry.finishedAtMs !== undefined && now - entry.finishedAtMs > jobDefinition(entry.name).keepSeconds * 1000) this.jobs.delete(id);
    }
  }
}
