import { compareTimes, DomainError, istDateTimeOf, type AlertSeverity } from '@mcube/domain';
import type { KotakStrangleConfig } from './config/kotak-strangle.config';
import type { EntryEvaluation } from './entry/entry-evaluation';
import { evaluateEntry } from './entry/evaluate-entry';
import { ClosingPlan, resumedClosingLegs } from './execution/closing-plan';
import { EntryAttempt, type EntryProgress } from './execution/entry-attempt';
import type { KotakStrangleSnapshot } from './kotak-strangle.snapshot';
import { assessPosition, type PositionAssessment } from './monitor/assess-position';
import type { DecisionKind } from './ports/decision-journal.port';
import type { StrategyPosition } from './ports/position-view.port';
import type { KotakStrangleDeps } from './ports/strategy-deps';

/** What the strategy is busy with between ticks. */
export type KotakStranglePhase = 'IDLE' | 'ENTERING' | 'CLOSING';

/**
 * The Kotak NIFTY weekly short strangle, driven by calls (no timers of its own): the scheduler
 * calls `onTick(now)` every `monitorIntervalMs` in session, and the host pushes updates of the
 * strategy's own orders to `onOrderUpdate` as they happen (fills reach it that way; the tick
 * is the safety net for an update that never arrived). Once per trading day, at the first
 * tick at/after `entryTime` inside the entry window, it runs the entry workflow; every other
 * tick it advances working orders or monitors the open position. Every decision goes to the
 * journal with its inputs. One position at a time: the morning check runs before any entry,
 * and nothing is entered while an entry or a close is working. Nothing is ever adjusted
 * automatically: delta breaches raise alerts with a recommendation. What survives a restart:
 * the working entry and the day's evaluation (`snapshot`, saved to `deps.state` whenever it
 * changes, before any order of an entry is sent; `restore` resumes it, journalled
 * ENTRY_RESUMED), and an exit or unwind, stored on the position (`orders.requestExit`) before
 * its first closing order and resumed from the position view (`followExit`, EXIT_RESUMED).
 */
export class KotakStrangleStrategy {
  private entry: EntryAttempt | null = null;
  private closing: ClosingPlan | null = null;
  private lastEntryDate: string | null = null;
  private resumeNote: string | null = null;
  private savedState: string | null = null;
  private lastHold: { key: string; atMs: number } | null = null;
  private lastDeltaAlert: { key: string; atMs: number } | null = null;
  private lastEodAlertDate: string | null = null;
  private lastBalanceAlertKey: string | null = null;
  private paused = false;

  constructor(
    private readonly deps: KotakStrangleDeps,
    readonly config: KotakStrangleConfig,
  ) {}

  /** IDLE, ENTERING (entry legs working) or CLOSING (exit or unwind orders working). */
  get phase(): KotakStranglePhase {
    return this.entry ? 'ENTERING' : this.closing ? 'CLOSING' : 'IDLE';
  }

  /** The IST date of the last daily entry evaluation (null before the first). */
  get entryEvaluatedOn(): string | null {
    return this.lastEntryDate;
  }

  /** Whether a person paused new entries (exits, monitoring and working orders carry on). */
  get entriesPaused(): boolean {
    return this.paused;
  }

  /**
   * Pauses or resumes new entries. While paused neither the 10:00 job nor `onTick` evaluates an
   * entry and the day is not marked evaluated, so resuming inside the entry window still enters
   * that day. An entry already working is finished (its legs are at the broker).
   */
  setEntriesPaused(paused: boolean): void {
    this.paused = paused;
  }

  /**
   * Records that `date`'s entry evaluation already happened (a host rebuilding the strategy,
   * or restarting, seeds it from the journal so the day is not evaluated twice).
   */
  markEntryEvaluated(date: string): void {
    if (this.lastEntryDate === null || date > this.lastEntryDate) this.lastEntryDate = date;
  }

  /** The working state to keep across a restart (see `KotakStrangleSnapshot`). */
  snapshot(): KotakStrangleSnapshot {
    return { version: 1, lastEntryDate: this.lastEntryDate, entry: this.entry?.snapshot() ?? null };
  }

  /**
   * Resumes a state saved before a restart, on a strategy that has done nothing yet: the day's
   * entry evaluation stays done, and an entry in progress continues at the next tick (journalled
   * ENTRY_RESUMED first). A close in progress is not part of it: the stored exit of the position
   * resumes it (`followExit`). Throws DomainError for an unknown version or a strategy already working.
   */
  restore(snapshot: KotakStrangleSnapshot): void {
    if (snapshot.version !== 1) throw new DomainError('INVALID_ARGUMENT', `unknown strangle state version ${String(snapshot.version)}`);
    if (this.phase !== 'IDLE') throw new DomainError('INVALID_ARGUMENT', 'restore needs an idle strategy');
    if (snapshot.lastEntryDate) this.markEntryEvaluated(snapshot.lastEntryDate);
    this.entry = snapshot.entry ? EntryAttempt.fromSnapshot(snapshot.entry) : null;
    this.savedState = JSON.stringify(snapshot);
    if (this.entry) this.resumeNote = `Restarted during the entry of ${this.entry.positionId}: resuming it (finish the legs while the entry window is open, else unwind what filled)`;
  }

  /**
   * The scheduler's daily entry job: the day's single evaluation (`runEntry`) unless it already
   * ran today (by `onTick`'s own trigger or an earlier delivery of the job). Returns null when
   * it did nothing. Rejects when a port rejects.
   */
  async runDailyEntry(nowMs: number = this.deps.clock.nowMs()): Promise<EntryEvaluation | null> {
    const { date } = istDateTimeOf(nowMs);
    if (this.paused || this.lastEntryDate === date || this.phase !== 'IDLE') return null;
    await this.markEvaluating(date);
    return this.runEntry(nowMs);
  }

  /** "What would it do now?": the full evaluation, without trading or journalling. */
  evaluateEntry(nowMs: number = this.deps.clock.nowMs()): Promise<EntryEvaluation> {
    return evaluateEntry(this.deps, this.config, nowMs);
  }

  /** The scheduler's single entry point; see the class comment. Rejects when a port rejects. */
  async onTick(nowMs: number = this.deps.clock.nowMs()): Promise<void> {
    await this.noteResume(nowMs);
    if (this.entry) return this.advanceEntry(await this.entry.advance(nowMs, this.deps, this.config), nowMs);
    if (this.closing) return this.advanceClosing(nowMs);
    const { date, time } = istDateTimeOf(nowMs);
    if (!this.deps.calendar.isTradingDay(date) || !this.deps.calendar.isWithinSession(date, time)) return;
    const entryDue = compareTimes(time, this.config.entryTime) >= 0 && compareTimes(time, this.config.entryWindowEnd) < 0;
    if (entryDue && !this.paused && this.lastEntryDate !== date) {
      await this.markEvaluating(date);
      await this.runEntry(nowMs);
      if (this.phase !== 'IDLE') return;
    }
    await this.monitor(nowMs);
  }

  /**
   * Whether `clientOrderId` is an order of the working entry or close (the host pushes its
   * updates through `onOrderUpdate`; any other order is not this strategy's business).
   */
  watches(clientOrderId: string): boolean {
    if (this.entry) return this.entry.clientOrderIds().includes(clientOrderId);
    return this.closing?.legs.some((l) => l.order?.clientOrderId === clientOrderId) ?? false;
  }

  /**
   * An order of this strategy changed at the broker (a fill, a rejection, a cancel), pushed by
   * the host as it happens: the working entry or close advances now (the lagging leg's fill
   * completes the entry, a refused leg starts the unwind, a closing fill finishes the exit)
   * instead of at the next tick. It reads the gateway's journal as `onTick` does, so an update
   * seen twice, or by the tick as well, acts once: whatever it did is state the next call
   * sees. Nothing happens for an order the strategy does not watch. Returns whether it advanced.
   */
  async onOrderUpdate(clientOrderId: string, nowMs: number = this.deps.clock.nowMs()): Promise<boolean> {
    if (!this.watches(clientOrderId)) return false;
    await this.noteResume(nowMs);
    if (this.entry) await this.advanceEntry(await this.entry.advance(nowMs, this.deps, this.config), nowMs);
    else await this.advanceClosing(nowMs);
    return true;
  }

  /**
   * Evaluates and, when every step passed, sells both legs as LIMIT intents (CE then PE, one
   * position id). Journals the decision (ENTRY, SKIP, or HOLD "monitor only" when a position
   * is active) with the whole evaluation. Returns null without doing anything while an entry
   * or close is working.
   */
  async runEntry(nowMs: number = this.deps.clock.nowMs()): Promise<EntryEvaluation | null> {
    if (this.phase !== 'IDLE') return null;
    const ev = await evaluateEntry(this.deps, this.config, nowMs);
    const inputs = { evaluation: ev };
    if (ev.decision === 'MONITOR') {
      await this.record('HOLD', 'MONITOR_ONLY', ev.reasonCode, ev.reason, inputs, nowMs);
      return ev;
    }
    if (ev.decision === 'SKIP') {
      await this.record('SKIP', 'SKIPPED', ev.reasonCode, ev.reason, inputs, nowMs);
      return ev;
    }
    const { strikes, premium, sizing, expiry } = ev;
    if (!strikes || !premium || !sizing || !expiry) throw new DomainError('INVALID_ARGUMENT', 'an ENTER evaluation must carry expiry, strikes, premium and sizing');
    const positionId = `${this.config.accountId}-KS-${ev.date}-${nowMs}`;
    const perLegMargin = Math.floor((sizing.marginPerLotPaise * sizing.lots) / 2);
    const attempt = new EntryAttempt(positionId, expiry.expiry, nowMs, [
      { optionType: 'CE', strike: strikes.callStrike, quantity: sizing.quantity, limitPrice: premium.call.limitPrice, estimatedMarginPaise: perLegMargin },
      { optionType: 'PE', strike: strikes.putStrike, quantity: sizing.quantity, limitPrice: premium.put.limitPrice, estimatedMarginPaise: perLegMargin },
    ]);
    await this.record('ENTRY', 'ENTER', ev.reasonCode, ev.reason, inputs, nowMs, positionId);
    this.entry = attempt;
    // Stored before any leg is sent: a restart from here on resumes this entry, never a second one.
    await this.persist();
    await this.advanceEntry(await attempt.start(this.deps, this.config), nowMs);
    return ev;
  }

  /**
   * One monitoring pass over the active position: values it (`assessPosition`), applies the
   * exit rule (EXIT → buy back both legs, purpose EXIT), alerts on |net delta| above the
   * threshold with the concrete roll (never adjusts), and journals. An unchanged HOLD is
   * journalled at most once per `holdJournalIntervalMs`; a changed exit code always is.
   * Returns null when there is no active position or orders are working.
   */
  async monitor(nowMs: number = this.deps.clock.nowMs()): Promise<PositionAssessment | null> {
    if (this.phase !== 'IDLE') return null;
    const position = await this.deps.positions.activePosition(this.config.accountId);
    if (!position) return null;
    if (position.exit) {
      await this.followExit(position, position.exit, nowMs);
      return null;
    }
    const [chain, spotQuote] = await Promise.all([
      this.deps.market.optionChain({ underlying: position.underlying, expiry: position.expiry }),
      this.deps.market.quote('NIFTY 50'),
    ]);
    const a = assessPosition({ position, chain, spot: spotQuote.lastPrice, nowMs, config: this.config, calendar: this.deps.calendar });
    const inputs = { assessment: a };
    await this.balanceAlert(position, nowMs);
    await this.deltaAlert(a, position.positionId, nowMs);
    if (a.exit.action === 'EXIT') {
      await this.record('EXIT', 'EXIT', a.exit.code, a.exit.reason, inputs, nowMs, position.positionId);
      if (a.exit.alert) await this.alert('CRITICAL', `Strangle exit: ${a.exit.code}`, a.exit.reason, nowMs, `exit:${position.positionId}`);
      const legs = position.legs
        .filter((l) => l.quantity < 0)
        .map((l) => ({ optionType: l.optionType, strike: l.strike, targetQuantity: -l.quantity, closedQuantity: 0, order: null, refusals: 0 }));
      // Stored first: a restart in the middle resumes this exit (`followExit`).
      await this.deps.orders.requestExit(position.positionId, a.exit.code);
      this.closing = new ClosingPlan(position.positionId, position.expiry, 'EXIT', a.exit.code, legs);
      this.lastHold = null;
      await this.advanceClosing(nowMs);
      return a;
    }
    const holdKey = `${position.positionId}:${a.exit.code}`;
    if (!this.lastHold || this.lastHold.key !== holdKey || nowMs - this.lastHold.atMs >= this.config.holdJournalIntervalMs) {
      this.lastHold = { key: holdKey, atMs: nowMs };
      await this.record('HOLD', 'HOLD', a.exit.code, a.exit.reason, inputs, nowMs, position.positionId);
    }
    if (a.exit.alert && this.lastEodAlertDate !== a.date) {
      this.lastEodAlertDate = a.date;
      await this.alert('WARNING', 'Strangle held overnight below the EOD minimum profit', a.exit.reason, nowMs, `eod:${position.positionId}:${a.date}`);
    }
    return a;
  }

  /** A strangle must be two short legs of equal size; anything else (a naked leg after a restart mid-entry…) is raised once per shape. */
  private async balanceAlert(position: StrategyPosition, nowMs: number): Promise<void> {
    const open = position.legs.filter((l) => l.quantity !== 0);
    const balanced = open.length === 2 && open[0].optionType !== open[1].optionType && open.every((l) => l.quantity < 0) && open[0].quantity === open[1].quantity;
    if (balanced) return;
    const key = `${position.positionId}:${open.map((l) => `${l.strike}${l.optionType}${l.quantity}`).join(',')}`;
    if (this.lastBalanceAlertKey === key) return;
    this.lastBalanceAlertKey = key;
    const legs = open.map((l) => `${l.quantity} × ${l.strike} ${l.optionType}`).join(', ');
    const message = `Position ${position.positionId} is not a balanced short strangle (${legs}): review it now; nothing is adjusted automatically`;
    await this.record('ALERT', 'UNBALANCED_POSITION', 'UNBALANCED_POSITION', message, { legs: open }, nowMs, position.positionId);
    await this.alert('CRITICAL', 'Unbalanced strangle position', message, nowMs, `balance:${key}`);
  }

  private async deltaAlert(a: PositionAssessment, positionId: string, nowMs: number): Promise<void> {
    if (!a.advice.alert) return;
    const key = `${positionId}:${a.advice.severity}:${a.advice.suggestion?.leg ?? ''}${a.advice.suggestion?.toStrike ?? ''}`;
    if (this.lastDeltaAlert && this.lastDeltaAlert.key === key && nowMs - this.lastDeltaAlert.atMs < this.config.deltaAlertRepeatMs) return;
    this.lastDeltaAlert = { key, atMs: nowMs };
    await this.record('ALERT', 'DELTA_ALERT', 'DELTA_ABOVE_THRESHOLD', a.advice.recommendation, { netDelta: a.netDelta, threshold: this.config.deltaThreshold, legs: a.legs, spot: a.spot, advice: a.advice }, nowMs, positionId);
    await this.alert(a.advice.severity === 'CRITICAL' ? 'CRITICAL' : 'WARNING', `Net delta ${a.netDelta} beyond ±${this.config.deltaThreshold}`, a.advice.recommendation, nowMs, `delta:${key}`);
  }

  private async advanceEntry(progress: EntryProgress, nowMs: number): Promise<void> {
    const attempt = this.entry;
    if (!attempt) return;
    if (progress.state === 'WORKING') {
      if (progress.resent) {
        const r = progress.resent;
        await this.record('ENTRY', 'ENTRY_LEG_RESENT', 'RESUMED_AFTER_RESTART', `${r.strike} ${r.optionType} sell ${r.quantity} @ ${r.limitPrice} sent again to complete ${attempt.positionId} after a restart`, { ...r }, nowMs, attempt.positionId);
      }
      return this.persist();
    }
    this.entry = null;
    if (progress.state === 'FILLED') {
      await this.record('ENTRY', 'ENTRY_FILLED', 'BOTH_LEGS_FILLED', `Both legs filled for ${attempt.positionId}`, { legs: progress.legs }, nowMs, attempt.positionId);
      return this.persist();
    }
    const inputs = { orders: progress.orders, unwind: progress.unwind.map((l) => ({ optionType: l.optionType, strike: l.strike, quantity: l.targetQuantity })), legs: attempt.legs };
    await this.record('ENTRY', 'ENTRY_ABORTED', progress.code, progress.message, inputs, nowMs, attempt.positionId);
    await this.alert(progress.unwind.length > 0 ? 'CRITICAL' : 'WARNING', `Strangle entry aborted: ${progress.code}`, progress.message, nowMs, `entry:${attempt.positionId}`);
    // The unwind is stored on the position before the entry is dropped from the saved state: a restart resumes one or the other.
    if (progress.unwind.length > 0) await this.deps.orders.requestExit(attempt.positionId, progress.code);
    await this.persist();
    if (progress.unwind.length > 0) {
      this.closing = new ClosingPlan(attempt.positionId, attempt.expiry, 'UNWIND', progress.code, progress.unwind);
      await this.advanceClosing(nowMs);
    }
  }

  /**
   * An exit is stored on the position (a restart, or a plan that ended with a held leg): the
   * strategy's own is resumed for every open leg a person did not hold, adopting the closing
   * orders still working; a person's or the breaker's is left to them (nothing is traded).
   */
  private async followExit(position: StrategyPosition, exit: NonNullable<StrategyPosition['exit']>, nowMs: number): Promise<void> {
    if (exit.owner !== 'STRATEGY') return;
    const legs = resumedClosingLegs(position.legs);
    if (legs.length === 0) return;
    const reasonCode = exit.reasonCode ?? 'EXIT';
    this.closing = new ClosingPlan(position.positionId, position.expiry, 'EXIT', reasonCode, legs);
    await this.record('EXIT', 'EXIT_RESUMED', reasonCode, `Resuming the stored exit of ${position.positionId}: ${legs.map((l) => `${l.strike} ${l.optionType} ×${l.targetQuantity - l.closedQuantity}${l.order ? ' (order working)' : ''}`).join(', ')}`, { legs: legs.map((l) => ({ optionType: l.optionType, strike: l.strike, quantity: l.targetQuantity, working: l.order?.clientOrderId ?? null })) }, nowMs, position.positionId);
    await this.advanceClosing(nowMs);
  }

  private async advanceClosing(nowMs: number): Promise<void> {
    const plan = this.closing;
    if (!plan) return;
    // A person or the breaker took the exit over: their chaser works it from now on.
    const owner = (await this.deps.positions.activePosition(this.config.accountId))?.exit?.owner;
    if (owner !== undefined && owner !== 'STRATEGY') {
      this.closing = null;
      await this.record('EXIT', `${plan.purpose}_HANDED_OVER`, plan.reasonCode, `The ${plan.purpose.toLowerCase()} of ${plan.positionId} is now worked by the ${owner === 'PERSON' ? "person's exit" : 'circuit breaker'}; the strategy stops re-pricing it`, { owner }, nowMs, plan.positionId);
      return;
    }
    for (const e of await plan.advance(nowMs, this.deps, this.config)) {
      const decision = e.type === 'SUBMITTED' ? `${plan.purpose}_ORDER_SUBMITTED` : e.type === 'REFUSED' ? `${plan.purpose}_ORDER_REFUSED` : e.type === 'HELD' ? `${plan.purpose}_LEG_HELD` : `${plan.purpose}_ORDER_REPRICED`;
      await this.record('EXIT', decision, plan.reasonCode, `${e.strike} ${e.optionType} buy ${e.quantity}: ${e.detail}`, { ...e }, nowMs, plan.positionId);
      if (e.type === 'REFUSED') {
        await this.alert('CRITICAL', `Closing order refused (${plan.purpose})`, `${e.strike} ${e.optionType} ×${e.quantity} still open: ${e.detail}. Retrying; check the account.`, nowMs, `close:${plan.positionId}:${e.optionType}`);
      }
      if (e.type === 'HELD') {
        await this.alert('WARNING', `Closing order canceled by a person (${plan.purpose})`, `${e.strike} ${e.optionType} ×${e.quantity} stays open: the strategy does not send it again. Exit the position to close it.`, nowMs, `held:${plan.positionId}:${e.optionType}`);
      }
    }
    if (plan.done) {
      this.closing = null;
      const closed = plan.legs.map((l) => ({ optionType: l.optionType, strike: l.strike, quantity: l.closedQuantity }));
      const held = plan.heldLegs;
      if (held.length > 0) {
        const which = held.map((l) => `${l.strike} ${l.optionType} ×${l.targetQuantity - l.closedQuantity}`).join(', ');
        await this.record('EXIT', `${plan.purpose}_HELD`, plan.reasonCode, `${plan.purpose === 'EXIT' ? 'Exit' : 'Unwind'} stopped by a person: ${which} left open; the rest bought back`, { closed, held: which }, nowMs, plan.positionId);
        return;
      }
      await this.record('EXIT', `${plan.purpose}_COMPLETE`, plan.reasonCode, `${plan.purpose === 'EXIT' ? 'Position closed' : 'Entry unwound'}: every leg bought back`, { closed }, nowMs, plan.positionId);
    }
  }

  /** Journals once that a restored entry is being resumed. */
  private async noteResume(nowMs: number): Promise<void> {
    const note = this.resumeNote;
    if (!note) return;
    this.resumeNote = null;
    if (this.entry) await this.record('ENTRY', 'ENTRY_RESUMED', 'RESTARTED', note, { state: this.entry.snapshot() }, nowMs, this.entry.positionId);
  }

  /** Marks `date` evaluated and stores it; when the save fails the day stays unevaluated (a retried job evaluates it). */
  private async markEvaluating(date: string): Promise<void> {
    const before = this.lastEntryDate;
    this.lastEntryDate = date;
    try {
      await this.persist();
    } catch (error) {
      this.lastEntryDate = before;
      throw error;
    }
  }

  /** Saves the working state when it changed (before the next order goes out). */
  private async persist(): Promise<void> {
    if (!this.deps.state) return;
    const snapshot = this.snapshot();
    const json = JSON.stringify(snapshot);
    if (json === this.savedState) return;
    await this.deps.state.save(snapshot);
    this.savedState = json;
  }

  private record(kind: DecisionKind, decision: string, reasonCode: string, message: string, inputs: Record<string, unknown>, occurredAt: number, positionId?: string) {
    return this.deps.journal.record({ kind, strategy: 'KOTAK_STRANGLE', accountId: this.config.accountId, positionId, decision, reasonCode, message, inputs, occurredAt });
  }

  private alert(severity: AlertSeverity, title: string, body: string, occurredAtMs: number, dedupKey: string) {
    return this.deps.alerts.raise({ severity, title, body, dedupKey, accountId: this.config.accountId, occurredAtMs });
  }
}
