import { DomainError, istDateTimeOf, selectFuturesExpiry, type FuturesDirection, type StrategyOrderCommand } from '@mcube/domain';
import { averagingApprovalRequest, entryApprovalRequest } from '../entry/approval-requests';
import type { FuturesOrderDesk } from '../execution/order-desk';
import { assessAveraging } from '../plan/averaging-plan';
import { limitPriceFor } from '../plan/prices';
import { levelsAfterEntry } from '../plan/risk-levels';
import { buildTradePlan } from '../plan/trade-plan';
import type { FuturesPositionState } from '../ports/futures-account.port';
import type { FuturesTouch } from '../ports/futures-market.port';
import type { StrategyContext } from '../strategy-context';
import { assessFuturesPosition, type FuturesAssessment } from './assess-position';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Watches the open futures position: exits by the rules (stop, target, pre-expiry, EOD), asks a
 * person before averaging (at most one request per position, attempt and day), restores stop
 * and target when a position has none (after a restart), and journals holds (an unchanged HOLD
 * at most every `holdJournalIntervalMs`) and the overnight-hold warning once a day. The
 * averaging requests and the overnight-hold alert are day marks, stored before they are raised,
 * so a restart does not raise them again; the HOLD journal's pace stays in memory (after a
 * restart one more HOLD line at most).
 */
export class FuturesPositionMonitor {
  private lastHold: { key: string; atMs: number } | null = null;

  constructor(
    private readonly ctx: StrategyContext,
    private readonly desk: FuturesOrderDesk,
  ) {}

  /** One pass over the open position; null when there is none. */
  async monitor(nowMs: number): Promise<FuturesAssessment | null> {
    const { deps, config } = this.ctx;
    const position = await deps.account.activePosition(config.accountId);
    if (!position) return null;
    let levels = position.riskLevels;
    if (!levels) {
      levels = levelsAfterEntry(position, config);
      await deps.account.setRiskLevels(position.positionId, levels);
      await this.ctx.record('ALERT', 'RISK_LEVELS_RESTORED', 'POSITION_WITHOUT_LEVELS', `Position ${position.positionId} had no stop/target: set from its average ${position.averagePrice}`, { position, levels }, nowMs, position.positionId);
      await this.ctx.alert('WARNING', 'Futures stop and target restored', `Position ${position.positionId}: stop ${levels.stopLoss}, target ${levels.target} from the average ${position.averagePrice}`, nowMs, `levels:${position.positionId}`);
    }
    const touch = await deps.market.futuresTouch({ underlying: position.underlying, expiry: position.expiry });
    const a = assessFuturesPosition({ position, levels, touch, nowMs, calendar: deps.calendar, config });
    if (a.exit.action === 'EXIT') {
      await this.ctx.record('EXIT', 'EXIT', a.exit.code, a.exit.reason, { assessment: a }, nowMs, position.positionId);
      if (a.exit.alert) await this.ctx.alert(a.exit.code === 'STOP_LOSS_HIT' ? 'CRITICAL' : 'WARNING', `Futures exit: ${a.exit.code}`, a.exit.reason, nowMs, `exit:${position.positionId}:${a.exit.code}`);
      this.lastHold = null;
      await this.desk.sendExit(position, a.exit.code, nowMs);
      return a;
    }
    await this.maybeAskToAverage(position, touch, nowMs);
    const holdKey = `${position.positionId}:${a.exit.code}`;
    if (!this.lastHold || this.lastHold.key !== holdKey || nowMs - this.lastHold.atMs >= config.holdJournalIntervalMs) {
      this.lastHold = { key: holdKey, atMs: nowMs };
      await this.ctx.record('HOLD', 'HOLD', a.exit.code, a.exit.reason, { assessment: a }, nowMs, position.positionId);
    }
    if (a.exit.alert && !this.ctx.marks.has(a.date, 'eod-alert')) {
      this.ctx.marks.add(a.date, 'eod-alert');
      await this.ctx.saver.save();
      await this.ctx.alert('WARNING', 'Futures position held overnight below the EOD minimum profit', a.exit.reason, nowMs, `eod:${position.positionId}:${a.date}`);
    }
    return a;
  }

  private async maybeAskToAverage(position: FuturesPositionState, touch: FuturesTouch, nowMs: number): Promise<void> {
    const { deps, config } = this.ctx;
    if (!config.allowAveraging || !position.riskLevels || position.riskLevels.averagingAttempts >= config.maxAverageAttempts) return;
    // Cheap pre-check of the 1% trigger (the domain rule decides exactly): no margin read on every quiet tick.
    const t = config.averageTriggerPct / 100;
    if (position.direction === 'LONG' ? touch.lastPrice > position.averagePrice * (1 - t) * 1.000001 : touch.lastPrice < position.averagePrice * (1 + t) * 0.999999) return;
    const margin = await deps.account.margin(config.accountId);
    const side = position.direction === 'LONG' ? 'BUY' : 'SELL';
    // The trigger is on the mark (the last price); the order is priced at the touch.
    const averaging = assessAveraging({ position, levels: position.riskLevels, price: touch.lastPrice, margin, config });
    if (averaging.action !== 'AVERAGE') return;
    const { date } = istDateTimeOf(nowMs);
    const mark = `average:${position.positionId}:${averaging.decision.attempt}`;
    if (this.ctx.marks.has(date, mark)) return;
    const open = await deps.approvals.openRequests(config.accountId, nowMs);
    if (open.length > 0) return;
    this.ctx.marks.add(date, mark);
    await this.ctx.saver.save();
    const contract = `${position.underlying}-${position.expiry}-FUT`;
    const limitPrice = limitPriceFor(touch, side, config.entryLimitMode, config.tickSize);
    const request = averagingApprovalRequest({ config, calendar: deps.calendar, position, contract, assessment: averaging, limitPrice, nowMs });
    await deps.approvals.request(request);
    await this.ctx.record('AVERAGE', 'APPROVAL_REQUESTED', 'AVERAGING_NEEDS_APPROVAL', request.summary, { request, averaging, touch }, nowMs, position.positionId);
    await this.ctx.alert('WARNING', 'ICICI averaging awaits approval', request.summary, nowMs, `approval:${request.requestId}`);
  }

  /**
   * After a pre-expiry ROLL exit: plans the same direction in the next listed expiry (15-day
   * rule) and asks a person to approve the re-entry (kind ROLL). Journals why when it cannot.
   */
  async requestRoll(exitIntent: StrategyOrderCommand, nowMs: number): Promise<void> {
    const { deps, config } = this.ctx;
    const { date } = istDateTimeOf(nowMs);
    const underlying = exitIntent.instrument.underlying;
    const direction: FuturesDirection = exitIntent.side === 'SELL' ? 'LONG' : 'SHORT';
    try {
      const contracts = (await deps.market.futuresContracts(date)).filter((c) => c.underlying === underlying && c.expiry > exitIntent.instrument.expiry);
      const expiry = selectFuturesExpiry({ today: date, expiries: contracts.map((c) => c.expiry), minDaysToExpiry: config.minDaysToExpiry });
      const contract = contracts.find((c) => c.expiry === expiry.expiry);
      if (!contract) throw new DomainError('NO_EXPIRY_AVAILABLE', `no ${underlying} future after ${exitIntent.instrument.expiry}`);
      const touch = await deps.market.futuresTouch({ underlying, expiry: contract.expiry });
      const outcome = buildTradePlan({ contract, direction, touch, margin: await deps.account.margin(config.accountId), config });
      if (!outcome.ok) throw new DomainError('INVALID_ARGUMENT', outcome.reason);
      const request = entryApprovalRequest({ config, calendar: deps.calendar, kind: 'ROLL', candidate: null, plan: outcome.plan, validation: null, nowMs });
      await deps.approvals.request(request);
      await this.ctx.record('APPROVAL', 'APPROVAL_REQUESTED', 'ROLL_NEEDS_APPROVAL', request.summary, { request }, nowMs, request.positionId);
      await this.ctx.alert('WARNING', 'ICICI roll awaits approval', request.summary, nowMs, `approval:${request.requestId}`);
    } catch (e) {
      await this.ctx.record('SKIP', 'ROLL_NOT_PLANNED', 'ROLL_NOT_PLANNED', `the ${underlying} position was closed before expiry but its roll could not be planned: ${messageOf(e)}`, { exitIntent }, nowMs);
    }
  }
}
