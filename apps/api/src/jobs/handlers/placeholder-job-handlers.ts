import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JobHandlersRegistry } from '../job-handlers.registry';
import type { JobContext } from '../job-queue.port';
import type { JobName } from '../job-registry';

/**
 * Jobs whose owning module has not registered its real handler yet. Each placeholder only
 * records that it ran: no market data is fetched, no order is sent. To wire a real handler,
 * remove the job from this list and register the handler in the owning module's
 * `onModuleInit` (`JobHandlersRegistry.register`); two handlers for one job fail the boot.
 */
export const PLACEHOLDER_JOBS: readonly JobName[] = [
  'positions.monitor',
  'positions.pnl',
  'strategy.kotak.evaluate-entry',
  'strategy.kotak.exit-check',
  'risk.limits',
  'risk.circuit-breakers',
  'analytics.daily-report',
  'analytics.learning-update',
  'orders.submit',
];

/** One recorded placeholder run. */
export interface PlaceholderRun {
  name: JobName;
  jobId: string;
}

/** Registers the placeholders of `PLACEHOLDER_JOBS` and keeps the last 500 runs (for tests and the demo). */
@Injectable()
export class PlaceholderJobHandlers implements OnModuleInit {
  /** Most recent last. */
  readonly runs: PlaceholderRun[] = [];
  private readonly logger = new Logger('PlaceholderJobs');

  constructor(private readonly handlers: JobHandlersRegistry) {}

  /** Registers one recording handler per placeholder job. */
  onModuleInit(): void {
    for (const name of PLACEHOLDER_JOBS) {
      this.handlers.register(name, async (_payload: unknown, ctx: JobContext) => this.record(ctx), 'PlaceholderJobHandlers');
    }
  }

  private record(ctx: JobContext): void {
    this.runs.push({ name: ctx.name, jobId: ctx.jobId });
    if (this.runs.length > 500) this.runs.shift();
    this.logger.debug(`placeholder ran ${ctx.jobId} (no real handler is wired for ${ctx.name} yet)`);
  }
}
