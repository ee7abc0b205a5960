import { Global, Logger, Module } from '@nestjs/common';
import { ScheduleModule, SchedulerRegistry } from '@nestjs/schedule';
import type { Clock, NseCalendar } from '@mcube/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import { createJobQueue } from './create-job-queue';
import { JobHandlersRegistry } from './job-handlers.registry';
import { JOB_QUEUE, JOBS_CALENDAR } from './job-queue.port';
import { jobsCalendarProvider } from './jobs-calendar';
import { jobsClockProvider, JOBS_CLOCK } from './jobs-clock';
import { JobsLifecycle } from './jobs-lifecycle';
import { ScheduleTicker } from './schedule-ticker';

/**
 * The job system, global so any module can inject `JOB_QUEUE` (to enqueue) and
 * `JobHandlersRegistry` (to register its handlers in `onModuleInit`). Needs `APP_CONFIG`
 * and `CLOCK` (ConfigModule, ClockModule); reads the market clock when the data module is there.
 */
@Global()
@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [
    jobsCalendarProvider,
    jobsClockProvider,
    JobHandlersRegistry,
    {
      provide: JOB_QUEUE,
      inject: [APP_CONFIG, JOBS_CLOCK, JOBS_CALENDAR, JobHandlersRegistry, SchedulerRegistry, { token: MetricsService, optional: true }],
      useFactory: (config: AppConfig, clock: Clock, calendar: NseCalendar, handlers: JobHandlersRegistry, intervals: SchedulerRegistry, metrics?: MetricsService) =>
        createJobQueue({ config, clock, calendar, handlers, intervals, metrics, logger: new Logger('Jobs') }),
    },
    ScheduleTicker,
    JobsLifecycle,
  ],
  exports: [JOB_QUEUE, JOBS_CALENDAR, JOBS_CLOCK, JobHandlersRegistry, ScheduleTicker],
})
export class JobsModule {}
