import { Logger, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ScheduleModule, SchedulerRegistry } from '@nestjs/schedule';
import type { Clock, NseCalendar } from '@mcube/domain';
import type { AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobHandlersDiscovery } from './job-handlers.discovery';
import { JobHandlersRegistry } from './job-handlers.registry';
import { BULLMQ_JOB_QUEUE, JOB_LOGGER, JOB_QUEUE, JOB_RUNNER, JOBS_CALENDAR } from './job-queue.port';
import { JobRunner, type JobLogger } from './job-runner';
import { jobsCalendarProvider } from './jobs-calendar';
import { jobsClockProvider, JOBS_CLOCK } from './jobs-clock';
import { JobsLifecycle } from './jobs-lifecycle';
import { JOB_SPREAD_MS, SCHEDULE_TICK_MS, ScheduleTicker } from './schedule-ticker';

/** The one runner both drivers run dequeued jobs through. */
const runnerProvider: Provider = {
  provide: JOB_RUNNER,
  inject: [JobHandlersRegistry, JOBS_CLOCK, JOBS_CALENDAR, JOB_LOGGER, { token: MetricsService, optional: true }],
  useFactory: (handlers: JobHandlersRegistry, clock: Clock, calendar: NseCalendar, logger: JobLogger, metrics?: MetricsService) => new JobRunner({ handlers, clock, calendar, logger, metrics }),
};

/** The embedded driver; its repeatable timers are managed by @nestjs/schedule. */
const inProcessQueueProvider: Provider = {
  provide: JOB_QUEUE,
  inject: [JOB_RUNNER, JobHandlersRegistry, JOBS_CLOCK, JOB_LOGGER, SchedulerRegistry],
  useFactory: (runner: JobRunner, handlers: JobHandlersRegistry, clock: Clock, logger: JobLogger, intervals: SchedulerRegistry) => new InProcessJobQueue({ runner, handlers, clock, logger, intervals }),
};

/**
 * The job system, global so any module can inject `JOB_QUEUE` (to enqueue) and
 * `JobHandlersRegistry`; handlers are `@HandlesJob` methods, registered by `JobHandlersDiscovery`. Needs `APP_CONFIG`
 * and `WALL_CLOCK` (ConfigModule, ClockModule); reads the market clock when the data module is there.
 *
 * The driver follows the configuration given here: with REDIS_URL, `BullMqJobsModule`
 * (@nestjs/bullmq) is imported — lazily, so a process without Redis never loads bullmq or
 * ioredis for its jobs — and provides `JOB_QUEUE`; without it the in-process driver does.
 */
@Module({})
export class JobsModule {
  static forRoot(config: Pick<AppConfig, 'redisUrl' | 'jobs'>): DynamicModule {
    const { redisUrl } = config;
    const bullmq: Array<Promise<DynamicModule>> = redisUrl
      ? [import('./bullmq/bullmq-jobs.module').then((m) => m.BullMqJobsModule.forRoot({ redisUrl, prefix: config.jobs.queuePrefix }))]
      : [];
    return {
      module: JobsModule,
      global: true,
      imports: [DiscoveryModule, ScheduleModule.forRoot(), ...bullmq],
      providers: [
        jobsCalendarProvider,
        jobsClockProvider,
        JobHandlersRegistry,
        JobHandlersDiscovery,
        { provide: JOB_LOGGER, useValue: new Logger('Jobs') },
        runnerProvider,
        redisUrl ? { provide: JOB_QUEUE, useExisting: BULLMQ_JOB_QUEUE } : inProcessQueueProvider,
        { provide: JOB_SPREAD_MS, useValue: SCHEDULE_TICK_MS },
        ScheduleTicker,
        JobsLifecycle,
      ],
      exports: [JOB_QUEUE, JOB_RUNNER, JOB_LOGGER, JOBS_CALENDAR, JOBS_CLOCK, JobHandlersRegistry, ScheduleTicker],
    };
  }
}
