import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Clock, NseCalendar } from '@mcube/domain';
import { HandlesJob } from './handles-job.decorator';
import { JOBS_CLOCK } from './jobs-clock';
import { JOB_QUEUE, JOBS_CALENDAR, type EnqueueResult, type JobQueue } from './job-queue.port';
import { dueJobs, JOB_SCHEDULE, type DueJob } from './job-schedule';

/** Id of the one repeatable that drives the whole IST schedule. */
export const SCHEDULE_TICK_ID = 'mcube-schedule-tick';
/** The ticker runs every second, so no 5-second slot is missed. */
export const SCHEDULE_TICK_MS = 1000;

/**
 * Injection token: the wall ms over which one tick's due jobs are spread (`JobsModule` gives
 * `SCHEDULE_TICK_MS`; tests that step a fixed clock build the ticker with 0: every due job at once).
 */
export const JOB_SPREAD_MS = Symbol('mcube:job-spread-ms');

/**
 * Each scheduled job's own phase in the tick, wall ms: its place in the schedule times an even
 * share of `spreadMs`. Jobs due in the same second (at 5x, monitoring, P&L, breakers and
 * snapshots often are) then start tens of ms apart instead of in one event-loop turn, so their
 * work does not pile up into one long stall of the request loop (issue 21). The phase is stable
 * per job, so a job keeps its cadence.
 */
export function jobPhaseMs(job: DueJob['name'], spreadMs: number): number {
  const index = JOB_SCHEDULE.findIndex((e) => e.job === job);
  return index < 0 || spreadMs <= 0 ? 0 : Math.floor((index * spreadMs) / JOB_SCHEDULE.length);
}

/**
 * The IST schedule: a repeatable `schedule.tick` job (a BullMQ job scheduler in Redis, or a
 * timer in-process) whose handler reads the clock and enqueues the jobs due now, by IST wall
 * clock and the NSE calendar (`dueJobs`). The job ids are the slots, so ticks that fall in
 * the same slot, or ticks run by two workers, add each job once. Jobs due together start at
 * their own phase of the tick (`jobPhaseMs`), not all at once.
 */
@Injectable()
export class ScheduleTicker {
  private readonly logger = new Logger('JobSchedule');

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(JOBS_CLOCK) private readonly clock: Clock,
    @Inject(JOBS_CALENDAR) private readonly calendar: NseCalendar,
    @Inject(JOB_SPREAD_MS) private readonly spreadMs: number,
  ) {}

  /** Creates (or updates) the repeatable tick. */
  async start(): Promise<void> {
    await this.queue.schedule({ id: SCHEDULE_TICK_ID, job: 'schedule.tick', everyMs: SCHEDULE_TICK_MS });
  }

  /**
   * Enqueues what is due now; returns the enqueue results. Past the calendar's horizon the
   * schedule runs on its assumed days (monitoring, exits and breakers never stop); anything the
   * calendar still throws is logged, not thrown. The `schedule.tick` handler.
   */
  @HandlesJob('schedule.tick')
  async tick(): Promise<EnqueueResult[]> {
    let due;
    try {
      due = dueJobs(this.clock.nowMs(), this.calendar);
    } catch (err) {
      this.logger.error(`schedule tick skipped: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
    const results: EnqueueResult[] = [];
    // Spread over the tick (see `jobPhaseMs`); the slot in the payload stays the tick's, so a
    // delayed job is still the same slot's (same id, still due).
    for (const job of due) results.push(await this.queue.enqueue(job.name, job.payload, { delayMs: jobPhaseMs(job.name, this.spreadMs ?? 0) }));
    return results;
  }
}
