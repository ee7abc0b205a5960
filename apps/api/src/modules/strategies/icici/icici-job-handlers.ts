import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandlersRegistry } from '../../../jobs/job-handlers.registry';
import { ApprovalsService } from '../approvals/approvals.service';
import { IciciFuturesRunner } from './icici-futures.runner';

/**
 * The ICICI strategy's jobs (see `job-schedule.ts`), idempotent on redelivery:
 * - `strategy.icici.screen` (30-minute slots): each strategy's screen, once per slot (the
 *   strategy's slot guard); ends in at most one approval request, never an order;
 * - `strategy.icici.exit-check` (15:15): a monitoring pass (EOD rule, pre-expiry close);
 * - `approvals.expire` (every minute in session): stale requests EXPIRED;
 * - the monitor tick runs with `positions.monitor` (`StrategyJobHandlers`).
 */
@Injectable()
export class IciciJobHandlers implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlersRegistry,
    private readonly runner: IciciFuturesRunner,
    private readonly approvals: ApprovalsService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('strategy.icici.screen', () => this.screen(), 'StrategiesModule');
    this.handlers.register('strategy.icici.exit-check', () => this.tick(), 'StrategiesModule');
    this.handlers.register('approvals.expire', async () => void (await this.approvals.expireStale()), 'StrategiesModule');
  }

  async screen(): Promise<void> {
    await this.runner.forEachStrategy((s) => s.runScreenIfDue(this.runner.nowMs()));
  }

  /** One monitoring tick of every ICICI strategy (orders, exits, averaging requests, a due screen). */
  async tick(): Promise<void> {
    await this.runner.forEachStrategy((s) => s.onTick(this.runner.nowMs()));
  }
}
