import { compareTimes, DomainError, istDateTimeOf } from '@mcube/domain';
import type { IciciFuturesConfig } from './config/icici-futures.config';
import { entryApprovalRequest } from './entry/approval-requests';
import { evaluateFuturesEntry, type FuturesEvaluation } from './entry/evaluate-entry';
import { validateCandidates, type CandidateValidation } from './entry/validate-candidates';
import type { IciciFuturesSnapshot } from './execution/futures-snapshot';
import { FuturesOrderDesk, type DeskCompletion } from './execution/order-desk';
import { FuturesPositionMonitor } from './monitor/position-monitor';
import type { FuturesAssessment } from './monitor/assess-position';
import type { FuturesApprovalDecision, FuturesApprovalRequest } from './ports/approval-request.port';
import type { IciciFuturesDeps } from './ports/strategy-deps';
import { strategyContext, type StrategyContext } from './strategy-context';

/** What a screen run did. */
export interface FuturesScreenRun {
  readonly evaluation: FuturesEvaluation;
  readonly validations: readonly CandidateValidation[];
  /** The approval request sent to a person, if a candidate passed. */
  readonly request: FuturesApprovalRequest | null;
}

/** What became of a person's decision. */
export type ApprovalOutcome =
  | { readonly status: 'SUBMITTED'; readonly clientOrderId: string; readonly limitPrice: number }
  | { readonly status: 'REJECTED_BY_PERSON' }
  | { readonly status: 'NOT_SENT'; readonly code: string; readonly reason: string };

/** What the strategy is busy with between ticks. */
export type IciciFuturesPhase = 'IDLE' | 'ORDER_WORKING';

/**
 * The ICICI directional futures strategy (plan §3, §4, §6; DECISIONS.md §1), driven by calls (no
 * timers, no clock of its own): `runScreen` at the screen slots (09:30 and every 30 minutes
 * before 11:30), `onApprovalDecision` when a person decides, `onTick` every `monitorIntervalMs`, and
 * `onOrderUpdate` when the host pushes an update of its working order (the tick is the safety net).
 * It never sends an ENTRY or AVERAGE order on its own: a screen ends in at most one approval
 * REQUEST, and only an approved decision handed back by the host becomes an order (through
 * the gateway, which checks the approval again). One position at a time. Every decision is
 * journalled with its inputs.
 */
export class IciciFuturesStrategy {
  private readonly ctx: StrategyContext;
  private readonly desk: FuturesOrderDesk;
  private readonly monitorPart: FuturesPositionMonitor;

  constructor(
    deps: IciciFuturesDeps,
    readonly config: IciciFuturesConfig,
  ) {
    this.ctx = strategyContext(deps, config, () => this.snapshot());
    this.desk = new FuturesOrderDesk(this.ctx);
    this.monitorPart = new FuturesPositionMonitor(this.ctx, this.desk);
  }

  get phase(): IciciFuturesPhase {
    return this.desk.working ? 'ORDER_WORKING' : 'IDLE';
  }

  /**
   * The state to keep across a restart (see `IciciFuturesSnapshot`); saved to `deps.state`
   * before every order, screen, averaging request and overnight-hold alert, and on every change.
   */
  snapshot(): IciciFuturesSnapshot {
    return { version: 1, ...this.desk.snapshot(), dayMarks: this.ctx.marks.snapshot() };
  }

  /**
   * Resumes a state stored before a restart, on a strategy that has done nothing yet: its
   * working order is followed from the next tick or pushed update (journalled `<KIND>_RESUMED`;
   * dropped as `<KIND>_NOT_SENT` when it never reached the gateway), and what it did once today
   * (a screen slot, an averaging request, the overnight-hold alert) is not done again. Throws
   * DomainError for an unknown version or a strategy already working.
   */
  restore(snapshot: IciciFuturesSnapshot): void {
    if (snapshot.version !== 1) throw new DomainError('INVALID_ARGUMENT', `unknown ICICI futures state version ${String(snapshot.version)}`);
    if (this.phase !== 'IDLE') throw new DomainError('INVALID_ARGUMENT', 'restore needs an idle strategy');
    this.desk.restore(snapshot);
    if (snapshot.dayMarks) this.ctx.marks.restore(snapshot.dayMarks);
    this.ctx.saver.restored(snapshot);
  }

  /** "What would it do now?": morning check, window, screen and plans, without validating, journalling or trading. */
  evaluate(nowMs: number = this.ctx.deps.clock.nowMs()): Promise<FuturesEvaluation> {
    return evaluateFuturesEntry(this.ctx.deps, this.config, nowMs, this.desk.working?.clientOrderId ?? null);
  }

  /** The screen slot `nowMs` falls in ('YYYY-MM-DD HH:MM' of the slot start), or null outside the entry window. */
  screenSlot(nowMs: number): string | null {
    const { date, time } = istDateTimeOf(nowMs);
    const c = this.config;
    if (compareTimes(time, c.screenStartTime) < 0 || compareTimes(time, c.entryWindowEnd) >= 0) return null;
    const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
    const start = minutes(c.screenStartTime) + Math.floor((minutes(time) - minutes(c.screenStartTime)) / c.screenIntervalMinutes) * c.screenIntervalMinutes;
    return `${date} ${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`;
  }

  /**
   * The screen job: `runScreen` once per slot (a second delivery in the same slot, also after a
   * restart, does nothing and returns null). The slot is stored as screened before the screen runs.
   */
  async runScreenIfDue(nowMs: number = this.ctx.deps.clock.nowMs()): Promise<FuturesScreenRun | null> {
    const slot = this.screenSlot(nowMs);
    if (!slot || this.phase !== 'IDLE') return null;
    const { date } = istDateTimeOf(nowMs);
    const mark = `screen:${slot.slice(11)}`;
    if (this.ctx.marks.has(date, mark)) return null;
    this.ctx.marks.add(date, mark);
    await this.ctx.saver.save();
    return this.runScreen(nowMs);
  }

  /**
   * Evaluates; when candidates are planned, validates them best first (retrieving passages for
   * each) and sends ONE approval request for the first that passes. Journals the evaluation
   * (SCREEN), each validation (VALIDATION), and the request (APPROVAL) or why none (SKIP/HOLD).
   */
  async runScreen(nowMs: number = this.ctx.deps.clock.nowMs()): Promise<FuturesScreenRun> {
    const ev = await this.evaluate(nowMs);
    const summary = { evaluation: ev };
    if (ev.decision === 'MONITOR') {
      await this.ctx.record('HOLD', 'MONITOR_ONLY', ev.reasonCode, ev.reason, summary, nowMs);
      return { evaluation: ev, validations: [], request: null };
    }
    await this.ctx.record(ev.decision === 'PROPOSE' ? 'SCREEN' : 'SKIP', ev.decision === 'PROPOSE' ? 'SCREENED' : 'SKIPPED', ev.reasonCode, ev.reason, summary, nowMs);
    if (ev.decision !== 'PROPOSE') return { evaluation: ev, validations: [], request: null };
    const validations = await validateCandidates({
      evaluation: ev,
      config: this.config,
      validator: this.ctx.deps.validator,
      knowledge: this.ctx.deps.knowledge,
      onEach: (v) => {
        const code = v.validation.passed ? 'VALIDATION_PASSED' : `VALIDATION_FAILED:${v.validation.rejectCode}`;
        return this.ctx.record('VALIDATION', v.validation.passed ? 'VALIDATED' : 'REJECTED_BY_VALIDATOR', code, `${v.idea.underlying} ${v.idea.direction}: ${v.validation.reason} (${v.validation.label})`, { idea: v.idea, retrieval: v.retrieval, validation: v.validation }, nowMs);
      },
    });
    const passed = validations.find((v) => v.validation.passed);
    if (!passed) {
      await this.ctx.record('SKIP', 'SKIPPED', 'NO_CANDIDATE_VALIDATED', `${validations.length} candidate(s) validated, none passed`, { validations: validations.map((v) => ({ underlying: v.idea.underlying, rejectCode: v.validation.rejectCode, reason: v.validation.reason })) }, nowMs);
      return { evaluation: ev, validations, request: null };
    }
    const request = entryApprovalRequest({ config: this.config, calendar: this.ctx.deps.calendar, kind: 'ENTRY', candidate: passed.candidate, plan: passed.plan, validation: passed.validation, nowMs });
    await this.ctx.deps.approvals.request(request);
    await this.ctx.record('APPROVAL', 'APPROVAL_REQUESTED', 'ENTRY_NEEDS_APPROVAL', request.summary, { request }, nowMs, request.positionId);
    await this.ctx.alert('INFO', 'ICICI entry awaits approval', request.summary, nowMs, `approval:${request.requestId}`);
    return { evaluation: ev, validations, request };
  }

  /**
   * A person's decision on a request the host stored. Rejected → journalled. Approved → the
   * request must still be current (not expired; for an entry no position open; for averaging
   * the same position at the same attempt; nothing else working) and the touch inside its
   * price band; then its order goes to the gateway with the approval. Never throws for a stale
   * request (NOT_SENT with the code); throws INVALID_ARGUMENT when the decision is for another
   * request or an approval names no one.
   */
  async onApprovalDecision(request: FuturesApprovalRequest, decision: FuturesApprovalDecision, nowMs: number = this.ctx.deps.clock.nowMs()): Promise<ApprovalOutcome> {
    if (decision.requestId !== request.requestId) throw new DomainError('INVALID_ARGUMENT', `decision ${decision.requestId} is not for request ${request.requestId}`);
    const kind = request.kind === 'AVERAGE' ? 'AVERAGE' : 'ENTRY';
    const inputs = { request: { requestId: request.requestId, kind: request.kind, summary: request.summary, priceBand: request.priceBand }, decision };
    if (!decision.approved) {
      await this.ctx.record('APPROVAL', 'REJECTED_BY_PERSON', `${request.kind}_REJECTED`, decision.reason ?? 'rejected', inputs, nowMs, request.positionId);
      return { status: 'REJECTED_BY_PERSON' };
    }
    if (!decision.approval?.approvedBy) throw new DomainError('INVALID_ARGUMENT', `an approval of ${request.requestId} must name who approved`);
    const notSent = async (code: string, reason: string): Promise<ApprovalOutcome> => {
      await this.ctx.record(kind, `${kind}_NOT_SENT`, code, reason, inputs, nowMs, request.positionId);
      return { status: 'NOT_SENT', code, reason };
    };
    if (nowMs > request.expiresAtMs) return notSent('APPROVAL_EXPIRED', `request ${request.requestId} expired at ${new Date(request.expiresAtMs).toISOString()}`);
    if (this.phase !== 'IDLE') return notSent('ORDER_WORKING', 'another order of this strategy is still working');
    const position = await this.ctx.deps.account.activePosition(this.config.accountId);
    if (kind === 'ENTRY' && position) return notSent('ACTIVE_POSITION_EXISTS', `position ${position.positionId} is open: one position at a time`);
    if (kind === 'AVERAGE') {
      const attempt = request.averaging?.decision.attempt ?? 0;
      if (!position || position.positionId !== request.positionId || (position.riskLevels?.averagingAttempts ?? -1) !== attempt - 1) {
        return notSent('POSITION_CHANGED', `position ${request.positionId} is no longer open at averaging attempt ${attempt - 1}`);
      }
    }
    const sent = await this.desk.sendApproved(request, decision.approval, nowMs);
    if (sent.status === 'NOT_SENT') return notSent(sent.code, sent.reason);
    await this.ctx.record(kind, `${kind}_SUBMITTED`, 'APPROVED_BY_PERSON', `${request.summary}; approved by ${decision.approval.approvedBy}; sent at ${sent.limitPrice}`, { ...inputs, clientOrderId: sent.clientOrderId, limitPrice: sent.limitPrice }, nowMs, request.positionId);
    return sent;
  }

  /**
   * The monitor tick: follows the working order (a completed ROLL exit is followed by the
   * re-entry approval request); else values the open position and applies the exit and
   * averaging rules; else, with no position, runs a due screen. Rejects when a port rejects.
   */
  async onTick(nowMs: number = this.ctx.deps.clock.nowMs()): Promise<FuturesAssessment | null> {
    if (this.desk.working) {
      await this.advanceWorking(nowMs);
      return null;
    }
    const { date, time } = istDateTimeOf(nowMs);
    if (!this.ctx.deps.calendar.isTradingDay(date) || !this.ctx.deps.calendar.isWithinSession(date, time)) return null;
    const assessment = await this.monitorPart.monitor(nowMs);
    if (assessment === null && !this.desk.working) await this.runScreenIfDue(nowMs);
    return assessment;
  }

  /**
   * The strategy's working order changed at the broker (a fill, a rejection, a cancel), pushed
   * by the host as it happens: it is followed now (stop and target stored after an entry fill,
   * an unfilled exit sent again, a roll requested) instead of at the next tick. It reads the
   * gateway's journal as `onTick` does and the desk drops an order once it ended, so an update
   * seen twice, or by the tick as well, acts once. Any other order is ignored. Returns whether it advanced.
   */
  async onOrderUpdate(clientOrderId: string, nowMs: number = this.ctx.deps.clock.nowMs()): Promise<boolean> {
    if (this.desk.working?.clientOrderId !== clientOrderId) return false;
    await this.advanceWorking(nowMs);
    return true;
  }

  /** Follows the working order one step; a completed ROLL exit is followed by the re-entry approval request. */
  private async advanceWorking(nowMs: number): Promise<void> {
    const done: DeskCompletion | null = await this.desk.advance(nowMs);
    if (done?.exitCode === 'PRE_EXPIRY_ROLL') await this.monitorPart.requestRoll(done.intent, nowMs);
  }
}
