import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Clock, NseCalendar } from '@mcube/domain';
import { JobHandlersRegistry } from './job-handlers.registry';
import { JOBS_CLOCK } from './jobs-clock';
import { JOB_QUEUE, JOBS_CALENDAR, type EnqueueResult, type JobQueue } from './job-queue.port';
import { dueJobs } from './job-schedule';

/** Id of the one repeatable that drives the whole IST schedule. */
export const SCHEDULE_TICK_ID = 'mcube-schedule-tick';
/** The ticker runs every second, so no 5-second slot is missed. */
export const SCHEDULE_TICK_MS = 1000;

/**
 * The IST schedule: a repeatable `schedule.tick` job (a BullMQ job scheduler in Redis, or a
 * timer in-process) whose handler reads the clock and enqueues the jobs due now, by IST wall
 * clock and the NSE calendar (`dueJobs`). The job ids are the slots, so ticks that fall in
 * the same slot, or ticks run by two workers, add each job once.
 */
@Injectable()
export class ScheduleTicker implements OnModuleInit {
  private readonly logger = new Logger('JobSchedule');

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(JOBS_CLOCK) private readonly clock: Clock,
    @Inject(JOBS_CALENDAR) private readonly calendar: NseCalendar,
    private readonly handlers: JobHandlersRegistry,
  ) {}

  /** Registers the handler of `schedule.tick`. */
  onModuleInit(): void {
    this.handlers.register('schedule.tick', () => this.tick().then(() => undefined), 'ScheduleTicker');
  }

  /** Creates (or updates) the repeatable tick. */
  async start(): Promise<void> {
    await this.queue.schedule({ id: SCHEDULE_TICK_ID, job: 'schedule.tick', everyMs: SCHEDULE_TICK_MS });
  }

  /**
   * Enqueues what is due now; returns the enqueue results. Past the calendar's horizon the
   * schedule runs on its assumed days (monitoring, exits and breakers never stop); anything the
   * calendar still throws is logged, not thrown.
   */
  async tick(): Promise<EnqueueResult[]> {
    let due;
    try {
      due = dueJobs(this.clock.nowMs(), this.calendar);
    } catch (err) {
      this.logger.error(`schedule tick skipped: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
    const results: EnqueueResult[] = [];
    for (const job of due) results.push(await this.queue.enqueue(job.name, job.payload));
    return results;
  }
}
