import { Injectable, Optional } from '@nestjs/common';
import { HandlesJob } from '../../../jobs/handles-job.decorator';
import { ExitChaserService } from '../../positions/exit-chaser.service';
import { PositionMonitorService } from '../../positions/position-monitor.service';
import { IciciFuturesRunner } from '../icici/icici-futures.runner';
import { KotakStrangleRunner } from './kotak-strangle.runner';
import { yieldToEventLoop } from '../../../common/concurrency/yield-to-event-loop';

/**
 * The strangle's jobs (see `job-schedule.ts`), idempotent on redelivery:
 * - `strategy.kotak.evaluate-entry` (10:00 slot): each strategy's daily entry evaluation,
 *   once per day (the strategy's day guard, seeded from the journal after a restart), legs
 *   with deterministic idempotency keys, and the gateway's one-position rule behind both;
 * - `strategy.kotak.exit-check` (15:15 slot): a monitoring pass that applies the exit rules
 *   (EOD profit, expiry-day close), or advances orders already working;
 * - `positions.monitor` (every 5 s in session): marks every ACTIVE position (P&L, net delta,
 *   `position.updated`), chases manual/breaker exits left behind the market, then ticks each strategy, strangle and ICICI futures (working orders, monitoring, exits). The
 *   circuit breakers run on their own `risk.circuit-breakers` job (every 30 s).
 */
@Injectable()
export class StrategyJobHandlers {
  constructor(
    private readonly runner: KotakStrangleRunner,
    private readonly monitor: PositionMonitorService,
    private readonly exitChaser: ExitChaserService,
    /** Absent in hand-built handlers of strangle-only tests. */
    @Optional() private readonly icici?: IciciFuturesRunner,
  ) {}

  /** The 10:00 entry evaluation of every enabled strangle. */
  @HandlesJob('strategy.kotak.evaluate-entry')
  async evaluateEntry(): Promise<void> {
    await this.runner.forEachStrategy((s) => s.runDailyEntry(this.runner.nowMs()));
  }

  /** The 15:15 exit check: a monitoring pass when idle, else the working orders advance. */
  @HandlesJob('strategy.kotak.exit-check')
  async exitCheck(): Promise<void> {
    await this.runner.forEachStrategy((s) => (s.phase === 'IDLE' ? s.monitor(this.runner.nowMs()) : s.onTick(this.runner.nowMs())));
  }

  /** Marks every active position, then ticks every strategy. */
  @HandlesJob('positions.monitor')
  async monitorPositions(): Promise<void> {
    // Each part yields to the event loop first: one task holding all of them stalled requests.
    await this.monitor.markAll();
    await yieldToEventLoop();
    await this.exitChaser.chase();
    let failure: unknown;
    // One strategy's failure must not stop the other's tick; the first is rethrown (the job is retried).
    await yieldToEventLoop();
    await this.runner.forEachStrategy((s) => s.onTick(this.runner.nowMs())).catch((e: unknown) => (failure = e));
    const icici = this.icici;
    if (icici) {
      await yieldToEventLoop();
      await icici.forEachStrategy((s) => s.onTick(icici.nowMs())).catch((e: unknown) => (failure ??= e));
    }
    if (failure !== undefined) throw failure;
  }
}
