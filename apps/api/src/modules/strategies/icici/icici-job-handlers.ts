import { Injectable } from '@nestjs/common';
import { HandlesJob } from '../../../jobs/handles-job.decorator';
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
export class IciciJobHandlers {
  constructor(
    private readonly runner: IciciFuturesRunner,
    private readonly approvals: ApprovalsService,
  ) {}

  @HandlesJob('strategy.icici.screen')
  async screen(): Promise<void> {
    await this.runner.forEachStrategy((s) => s.runScreenIfDue(this.runner.nowMs()));
  }

  /** One monitoring tick of every ICICI strategy (orders, exits, averaging requests, a due screen). */
  @HandlesJob('strategy.icici.exit-check')
  async tick(): Promise<void> {
    await this.runner.forEachStrategy((s) => s.onTick(this.runner.nowMs()));
  }

  /** Stale approval requests EXPIRED. */
  @HandlesJob('approvals.expire')
  async expireApprovals(): Promise<void> {
    await this.approvals.expireStale();
  }
}
