import type { Clock, NseCalendar } from '@mcube/domain';
import { redactSecrets } from '../common/logging/redaction';
import { JobPayloadError } from './job-errors';
import type { JobHandlersRegistry } from './job-handlers.registry';
import { assertNoSecrets } from './job-payload.checks';
import { isJobName, jobDefinition, type JobName } from './job-registry';
import { scheduleEntryOf, slotStillDue, type ScheduleEntry, JOB_SCHEDULE } from './job-schedule';

/** The part of a Nest logger the job system uses. */
export interface JobLogger {
  log(message: unknown, ...rest: unknown[]): void;
  warn(message: unknown, ...rest: unknown[]): void;
  error(message: unknown, ...rest: unknown[]): void;
}

/** Where the runner reports each run (the Prometheus metrics); durations and lag are wall time. */
export interface JobMetricsSink {
  jobFinished(run: { name: string; outcome: JobOutcome | 'failed'; durationMs: number; lagMs?: number }): void;
}

/** What the runner needs; the same for both drivers. */
export interface JobRunnerDeps {
  handlers: JobHandlersRegistry;
  clock: Clock;
  calendar: NseCalendar;
  logger: JobLogger;
  schedule?: readonly ScheduleEntry[];
  metrics?: JobMetricsSink;
}

/** One dequeued job, as either driver sees it. */
export interface DequeuedJob {
  name: string;
  payload: unknown;
  jobId: string;
  attempt: number;
  /** Wall-clock ms when the job became due (enqueued + delay); the lag is measured from it. */
  dueAtWallMs?: number;
}

/** `skipped`: a scheduled slot no longer due (holiday, outside session, stale): the handler did not run. */
export type JobOutcome = 'done' | 'skipped';

/**
 * Runs one dequeued job the same way on both drivers: checks the name and the payload again
 * (a malformed or secret-bearing payload throws JobPayloadError before the handler runs, so
 * nothing changes), turns a scheduled slot that is no longer due into a no-op, then calls the
 * one handler. Handler errors propagate to the driver, which retries per the registry.
 */
export class JobRunner {
  constructor(private readonly deps: JobRunnerDeps) {}

  /** Runs `job`; throws JobPayloadError, JobRegistryError or whatever the handler throws. */
  async run(job: DequeuedJob): Promise<JobOutcome> {
    // Wall time, labelled: how long the job waited past its due time, and how long it ran.
    const startedAtWallMs = Date.now();
    const lagMs = job.dueAtWallMs === undefined ? undefined : Math.max(0, startedAtWallMs - job.dueAtWallMs);
    const report = (outcome: JobOutcome | 'failed') => this.deps.metrics?.jobFinished({ name: job.name, outcome, durationMs: Date.now() - startedAtWallMs, lagMs });
    try {
      const outcome = await this.runChecked(job);
      report(outcome);
      return outcome;
    } catch (err) {
      report('failed');
      throw err;
    }
  }

  private async runChecked(job: DequeuedJob): Promise<JobOutcome> {
    if (!isJobName(job.name)) throw new JobPayloadError(job.name, 'is not a job of the registry');
    const name: JobName = job.name;
    let payload: unknown;
    try {
      payload = jobDefinition(name).check(job.payload);
      assertNoSecrets(name, job.payload);
    } catch (err) {
      this.deps.logger.error({ msg: 'job payload rejected', job: name, jobId: job.jobId, payload: redactSecrets(job.payload), err: (err as Error).message });
      throw err;
    }
    const entry = scheduleEntryOf(name, this.deps.schedule ?? JOB_SCHEDULE);
    if (entry && !slotStillDue(entry, (payload as { slot: string }).slot, this.deps.clock.nowMs(), this.deps.calendar)) {
      this.deps.logger.log({ msg: 'scheduled job skipped: slot no longer due (holiday, outside session or stale)', job: name, jobId: job.jobId });
      return 'skipped';
    }
    const handler = this.deps.handlers.handlerFor(name);
    try {
      await handler(payload as never, { name, jobId: job.jobId, attempt: job.attempt });
      return 'done';
    } catch (err) {
      this.deps.logger.warn({ msg: 'job failed', job: name, jobId: job.jobId, attempt: job.attempt, payload: redactSecrets(payload), err: redactSecrets(err) });
      throw err;
    }
  }
}
