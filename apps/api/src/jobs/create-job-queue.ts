import type { Clock, NseCalendar } from '@mcube/domain';
import type { AppConfig } from '../config/app-config';
import type { BullMqJobQueue as BullMqJobQueueClass } from './bullmq-job-queue';
import { InProcessJobQueue, type InProcessJobQueueOptions } from './in-process-job-queue';
import type { JobHandlersRegistry } from './job-handlers.registry';
import type { JobQueue } from './job-queue.port';
import { JobRunner, type JobLogger, type JobMetricsSink } from './job-runner';

/** What `createJobQueue` needs. */
export interface CreateJobQueueDeps {
  config: Pick<AppConfig, 'redisUrl' | 'jobs'>;
  handlers: JobHandlersRegistry;
  clock: Clock;
  calendar: NseCalendar;
  logger: JobLogger;
  /** Nest's SchedulerRegistry, so the embedded driver's timers are managed by @nestjs/schedule. */
  intervals?: InProcessJobQueueOptions['intervals'];
  /** Where each run's duration and lag go (the metrics). */
  metrics?: JobMetricsSink;
}

/** BullMQ when REDIS_URL is set, else the in-process driver; both over the same runner. */
export function createJobQueue(deps: CreateJobQueueDeps): JobQueue {
  const runner = new JobRunner({ handlers: deps.handlers, clock: deps.clock, calendar: deps.calendar, logger: deps.logger, metrics: deps.metrics });
  if (deps.config.redisUrl) {
    // Loaded only with Redis configured: BullMQ and ioredis were most of the modules a boot loaded (issue 21).
    const { BullMqJobQueue } = require('./bullmq-job-queue') as { BullMqJobQueue: typeof BullMqJobQueueClass };
    return new BullMqJobQueue({ redisUrl: deps.config.redisUrl, prefix: deps.config.jobs.queuePrefix, runner, handlers: deps.handlers, logger: deps.logger });
  }
  return new InProcessJobQueue({ runner, handlers: deps.handlers, clock: deps.clock, logger: deps.logger, intervals: deps.intervals });
}
