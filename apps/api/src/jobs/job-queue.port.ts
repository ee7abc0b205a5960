import type { JobName, JobPayloads } from './job-registry';

/** What a handler learns about the run besides its payload. */
export interface JobContext {
  name: JobName;
  /** The deterministic id (dedup key); pass it on as an idempotency key. */
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
}

/** The one handler of a job. It must be idempotent: a redelivery runs it again with the same id. */
export type JobHandler<N extends JobName = JobName> = (payload: JobPayloads[N], context: JobContext) => Promise<void>;

/** Options of one enqueue. */
export interface EnqueueOptions {
  /** Run no earlier than this many ms from now. */
  delayMs?: number;
}

/** The outcome of an enqueue: `duplicate` when a job of that id was already known (nothing added). */
export interface EnqueueResult {
  jobId: string;
  duplicate: boolean;
}

/** Where a job is: the same vocabulary on both drivers. */
export type JobStateName = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'unknown';

/** A job as a driver reports it. */
export interface JobStatus {
  id: string;
  name: string;
  state: JobStateName;
  attemptsMade: number;
  failedReason?: string;
}

/** How many jobs of one queue wait, are delayed or run now (the metrics' queue depths). */
export interface QueueDepth {
  queue: string;
  waiting: number;
  delayed: number;
  active: number;
}

/** A repeatable schedule kept by the driver (in Redis for BullMQ). */
export interface RepeatableSchedule {
  id: string;
  job: JobName;
  everyMs: number;
}

/**
 * The job queue port. Two drivers implement it: `InProcessJobQueue` (embedded default) and
 * `BullMqJobQueue` (REDIS_URL). Both check payloads on enqueue and again on dequeue, honour
 * job ids for dedup, run each queue serially, retry per the registry and never retry a payload error.
 */
export interface JobQueue {
  readonly driver: 'in-process' | 'bullmq';
  /** Adds a job; its id comes from the registry. Throws JobPayloadError on a bad payload. */
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts?: EnqueueOptions): Promise<EnqueueResult>;
  /** Creates or updates a repeatable that enqueues `job` (empty payload) every `everyMs`. */
  schedule(schedule: RepeatableSchedule): Promise<void>;
  /** The repeatables the driver keeps. */
  listSchedules(): Promise<RepeatableSchedule[]>;
  /** Registers the one handler of `name` (delegates to the handlers registry). */
  registerHandler<N extends JobName>(name: N, handler: JobHandler<N>, owner?: string): void;
  /** Starts the processors of every queue (after the boot check). */
  startProcessing(): Promise<void>;
  /** Depth of every queue of the registry. */
  depths(): Promise<QueueDepth[]>;
  /** A job's state, or null when the id is unknown. */
  getJob(jobId: string): Promise<JobStatus | null>;
  /** Stops processors and schedules and releases connections; waits for running jobs. */
  close(): Promise<void>;
}

/** DI token of the process's `JobQueue`. */
export const JOB_QUEUE = Symbol('mcube:job-queue');

/** DI token of the `JobRunner` both drivers run dequeued jobs through. */
export const JOB_RUNNER = Symbol('mcube:job-runner');

/** DI token of the logger the job system writes to (`JobLogger`). */
export const JOB_LOGGER = Symbol('mcube:job-logger');

/**
 * DI token of the BullMQ driver, provided by the BullMQ jobs module (imported only when
 * REDIS_URL is set, so this file must not import bullmq).
 */
export const BULLMQ_JOB_QUEUE = Symbol('mcube:bullmq-job-queue');

/** DI token of the NSE calendar the schedule and the run-time checks use. */
export const JOBS_CALENDAR = Symbol('mcube:jobs-calendar');
