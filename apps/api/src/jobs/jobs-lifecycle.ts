import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobHandlersRegistry } from './job-handlers.registry';
import { JOB_QUEUE, type JobQueue } from './job-queue.port';
import { ScheduleTicker } from './schedule-ticker';

/**
 * Boot and shutdown of the job system. At bootstrap (after every module has registered its
 * handlers in `onModuleInit`) it checks the handlers against the registry — a missing,
 * unknown or duplicate handler fails the boot — then starts processors when this process
 * runs workers, and the IST schedule when configured. At shutdown it closes the queue.
 */
@Injectable()
export class JobsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly handlers: JobHandlersRegistry,
    private readonly ticker: ScheduleTicker,
  ) {}

  /** Throws JobRegistryError when handlers and registry disagree. */
  async onApplicationBootstrap(): Promise<void> {
    this.handlers.verify();
    const { runWorkers } = this.config.jobs;
    // In memory nobody else would ever run the ticks: they would only pile up.
    const inertInProcess = !runWorkers && this.queue.driver === 'in-process';
    const schedule = this.config.jobs.schedule && !inertInProcess;
    if (runWorkers) await this.queue.startProcessing();
    if (inertInProcess) this.logger.warn('MCUBE_RUN_WORKERS=false without REDIS_URL: jobs are queued in memory and never run; the schedule is off');
    if (schedule) await this.ticker.start();
    this.logger.log(`job queue ${this.queue.driver}: processors ${runWorkers ? 'on' : 'off'}, schedule ${schedule ? 'on' : 'off'}`);
  }

  /** Closes processors, timers and connections. */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
