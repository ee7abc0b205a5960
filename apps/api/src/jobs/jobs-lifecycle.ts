import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobHandlersRegistry } from './job-handlers.registry';
import { JOB_QUEUE, type JobQueue } from './job-queue.port';
import { ScheduleTicker } from './schedule-ticker';

/** How long boot waits for the schedule's repeatable before going on without it (wall ms). */
export const SCHEDULE_START_WAIT_MS = 5_000;

/**
 * Boot and shutdown of the job system. At bootstrap (after `JobHandlersDiscovery` has registered
 * every `@HandlesJob` method at init) it checks the handlers against the registry — a missing,
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
    if (schedule) await this.startScheduleWithoutHoldingBoot();
    this.logger.log(`job queue ${this.queue.driver}: processors ${runWorkers ? 'on' : 'off'}, schedule ${schedule ? 'on' : 'off'}`);
  }

  /**
   * Creates the schedule's repeatable, waiting at most `SCHEDULE_START_WAIT_MS`. With Redis down
   * at boot BullMQ waits for it indefinitely; the API must still start (health answers 503 for
   * Redis) and the repeatable is created once Redis is back. With Redis up it is created before
   * boot ends, as before.
   */
  private async startScheduleWithoutHoldingBoot(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const started = this.ticker.start().then(
      () => 'started' as const,
      (e: Error) => {
        this.logger.error(`starting the IST schedule failed: ${e.message}`);
        return 'failed' as const;
      },
    );
    const waited = new Promise<'waiting'>((resolve) => {
      timer = setTimeout(() => resolve('waiting'), SCHEDULE_START_WAIT_MS);
      timer.unref();
    });
    const outcome = await Promise.race([started, waited]);
    clearTimeout(timer);
    if (outcome === 'waiting') this.logger.warn(`the IST schedule is not created yet (queue unreachable after ${SCHEDULE_START_WAIT_MS} ms): it will be once the queue answers`);
  }

  /** Closes processors, timers and connections. */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
