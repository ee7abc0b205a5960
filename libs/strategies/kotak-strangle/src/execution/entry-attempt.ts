import { compareTimes, istDateTimeOf, isTerminal, type IsoDate } from '@mcube/domain';
import type { KotakStrangleConfig } from '../config/kotak-strangle.config';
import type { StrategySubmitResult } from '../ports/strategy-order.port';
import type { KotakStrangleDeps } from '../ports/strategy-deps';
import type { ClosingLeg } from './closing-plan';
import { entryCommand, legCommand } from './order-commands';
import { refreshOrder, type TrackedOrder } from './tracked-order';

/** Why an entry was abandoned. */
export type EntryFailureCode = 'FIRST_LEG_REFUSED' | 'SECOND_LEG_REFUSED' | 'LEG_ENDED_UNFILLED' | 'LEG_FILL_TIMEOUT' | 'ENTRY_NOT_SENT';

/** One entry leg to sell. */
export interface EntryLegPlan {
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  readonly quantity: number;
  readonly limitPrice: number;
  readonly estimatedMarginPaise: number;
}

/** A leg sent again after a restart to complete the entry. */
export interface ResentLeg {
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  readonly quantity: number;
  readonly limitPrice: number;
  readonly clientOrderId: string;
}

/** Where an entry attempt stands after a call. FAILED carries what must be bought back. */
export type EntryProgress =
  | { readonly state: 'WORKING'; readonly resent?: ResentLeg }
  | { readonly state: 'FILLED'; readonly legs: readonly { optionType: 'CE' | 'PE'; clientOrderId: string; averagePrice?: number; quantity: number }[] }
  | { readonly state: 'FAILED'; readonly code: EntryFailureCode; readonly message: string; readonly unwind: ClosingLeg[]; readonly orders: readonly TrackedOrder[] };

/** The stored form of an attempt (plain JSON), for `EntryAttempt.fromSnapshot` after a restart. */
export interface EntryAttemptSnapshot {
  readonly positionId: string;
  readonly expiry: IsoDate;
  readonly submittedAtMs: number;
  readonly legs: readonly EntryLegPlan[];
  readonly started: boolean;
  readonly orders: readonly (TrackedOrder | null)[];
  readonly abort: { readonly code: EntryFailureCode; readonly message: string } | null;
  readonly completions: number;
  /** True once the attempt was resumed after a restart (a lagging leg may then be sent again). */
  readonly restarted: boolean;
  /** Timeouts count from here (the last send, or the restart that resumed the attempt). */
  readonly clockFromMs: number;
}

const refused = (r: StrategySubmitResult) => r.status === 'DENIED' || r.status === 'REJECTED';
const why = (r: StrategySubmitResult) => (r.denial ? `${r.denial.code}: ${r.denial.message}` : r.status);

/**
 * The two SELL legs of a strangle entry as a state machine advanced by calls (no timers):
 * `start` submits both legs as ONE entry through the order port (checked as a whole, sent
 * interleaved); `advance` polls. Both FILLED → FILLED. A leg refused, or ended without a full
 * fill, or both not filled `legFillTimeoutMs` after submission → every working leg is
 * cancelled, and once all are final the attempt FAILS with the filled quantities to unwind
 * (all of them, even a partly filled pair: never a naked leg).
 * After a restart (`fromSnapshot`) the attempt resumes: an entry never journaled is sent only
 * if its day's entry window is still open (else it fails ENTRY_NOT_SENT, nothing to unwind);
 * a leg that ended unfilled while the other filled is sent once more to complete the entry
 * while the window is open (the gateway judges it with the position's filled leg), else the
 * filled leg is unwound. Never a second entry: the legs keep their position id and keys.
 */
export class EntryAttempt {
  private orders: (TrackedOrder | null)[] = [];
  private started = false;
  private abort: { code: EntryFailureCode; message: string } | null = null;
  private completions = 0;
  /** Resumed after a restart, until its first `advance`. */
  private resumed = false;
  private restarted = false;
  private clockFromMs: number;

  constructor(
    readonly positionId: string,
    readonly expiry: IsoDate,
    readonly submittedAtMs: number,
    readonly legs: readonly EntryLegPlan[],
  ) {
    this.clockFromMs = submittedAtMs;
  }

  /** An attempt stored before a restart, to be resumed by `advance`. */
  static fromSnapshot(s: EntryAttemptSnapshot): EntryAttempt {
    const a = new EntryAttempt(s.positionId, s.expiry, s.submittedAtMs, s.legs);
    a.orders = s.orders.map((o) => (o ? { ...o } : null));
    a.started = s.started;
    a.abort = s.abort ? { ...s.abort } : null;
    a.completions = s.completions;
    a.clockFromMs = s.clockFromMs;
    a.resumed = true;
    a.restarted = true;
    return a;
  }

  /** The stored form of this attempt. */
  snapshot(): EntryAttemptSnapshot {
    return { positionId: this.positionId, expiry: this.expiry, submittedAtMs: this.submittedAtMs, legs: this.legs, started: this.started, orders: this.orders.map((o) => (o ? { ...o } : null)), abort: this.abort, completions: this.completions, restarted: this.restarted, clockFromMs: this.clockFromMs };
  }

  /** The client order ids of the legs sent so far. */
  clientOrderIds(): string[] {
    return this.orders.filter((o): o is TrackedOrder => o !== null).map((o) => o.clientOrderId);
  }

  /** Submits the legs as one entry; rejects only when the port rejects. */
  async start(deps: KotakStrangleDeps, config: KotakStrangleConfig): Promise<EntryProgress> {
    const legs = this.legs.map((leg) => legCommand({ positionId: this.positionId, expiry: this.expiry, side: 'SELL', purpose: 'ENTRY', ...leg }, config));
    this.adopt(await deps.orders.submitEntry(entryCommand(legs, this.positionId)));
    return this.advance(this.submittedAtMs, deps, config);
  }

  /** Polls the legs, completes or times out, cancels on failure; rejects only when the port rejects. */
  async advance(nowMs: number, deps: KotakStrangleDeps, config: KotakStrangleConfig): Promise<EntryProgress> {
    if (this.resumed) {
      this.resumed = false;
      this.clockFromMs = Math.max(this.clockFromMs, nowMs);
      if (!this.started) {
        const found = await deps.orders.findEntry(this.positionId);
        if (found) this.adopt(found, { asFound: true });
        else if (this.windowOpen(nowMs, deps, config)) return this.start(deps, config);
        else return { state: 'FAILED', code: 'ENTRY_NOT_SENT', message: 'restarted before the entry reached the gateway, after its entry window: nothing was sent, nothing to unwind', unwind: [], orders: [] };
      }
    }
    const working = this.orders.filter((o): o is TrackedOrder => o !== null);
    for (const o of working) await refreshOrder(deps.orders, o);
    if (!this.abort) {
      const allFilled = this.orders.length === this.legs.length && this.orders.every((o) => o?.status === 'FILLED');
      if (allFilled) return { state: 'FILLED', legs: working.map((o, i) => ({ optionType: this.legs[i].optionType, clientOrderId: o.clientOrderId, averagePrice: o.averagePrice, quantity: o.filledQuantity })) };
      const lagging = this.laggingLeg();
      if (lagging >= 0 && this.restarted && this.completions === 0 && this.windowOpen(nowMs, deps, config)) return this.complete(lagging, nowMs, deps, config);
      const ended = this.orders.findIndex((o) => o !== null && isTerminal(o.status) && o.status !== 'FILLED');
      if (ended >= 0) {
        const o = this.orders[ended] as TrackedOrder;
        this.abort = { code: 'LEG_ENDED_UNFILLED', message: `${this.legs[ended].strike} ${this.legs[ended].optionType} ended ${o.status}${o.reason ? ` (${o.reason})` : ''}: unwinding the other leg` };
      } else if (nowMs - this.clockFromMs >= config.legFillTimeoutMs) {
        const late = this.orders.map((o, i) => (o?.status === 'FILLED' ? null : `${this.legs[i].strike} ${this.legs[i].optionType} ${o?.filledQuantity ?? 0}/${this.legs[i].quantity}`)).filter(Boolean);
        this.abort = { code: 'LEG_FILL_TIMEOUT', message: `not filled within ${config.legFillTimeoutMs} ms: ${late.join(', ')}; cancelling and unwinding` };
      } else {
        return { state: 'WORKING' };
      }
    }
    for (const o of working) {
      if (!isTerminal(o.status) && !o.cancelRequested) {
        await deps.orders.cancel(o.clientOrderId);
        o.cancelRequested = true;
        await refreshOrder(deps.orders, o);
      }
    }
    if (working.some((o) => !isTerminal(o.status))) return { state: 'WORKING' };
    const unwind: ClosingLeg[] = this.orders
      .map((o, i) => ({ optionType: this.legs[i].optionType, strike: this.legs[i].strike, targetQuantity: o?.filledQuantity ?? 0, closedQuantity: 0, order: null, refusals: 0 }))
      .filter((l) => l.targetQuantity > 0);
    return { state: 'FAILED', code: this.abort.code, message: this.abort.message, unwind, orders: working };
  }

  /**
   * Tracks the gateway's answers, one per leg; the first refusal sets the abort. `asFound`: the
   * legs as the journal holds them after a restart (a refused leg is tracked with its final
   * status, so a leg that never made it can be completed).
   */
  private adopt(results: readonly StrategySubmitResult[], opts: { asFound?: boolean } = {}): void {
    this.started = true;
    this.orders = this.legs.map((leg, i) => {
      const result = results[i];
      if (result && opts.asFound) return { clientOrderId: result.clientOrderId, quantity: leg.quantity, limitPrice: leg.limitPrice, submittedAtMs: this.submittedAtMs, status: result.status === 'DENIED' || result.status === 'REJECTED' ? result.status : 'SUBMITTED', filledQuantity: 0, cancelRequested: false };
      if (!result || refused(result)) {
        this.abort ??= { code: i === 0 ? 'FIRST_LEG_REFUSED' : 'SECOND_LEG_REFUSED', message: `${leg.strike} ${leg.optionType} ${(result?.status ?? 'missing').toLowerCase()} (${result ? why(result) : 'no answer'})${i > 0 ? ': unwinding the other leg' : ''}` };
        return null;
      }
      return { clientOrderId: result.clientOrderId, quantity: leg.quantity, limitPrice: leg.limitPrice, submittedAtMs: this.submittedAtMs, status: 'SUBMITTED', filledQuantity: 0, cancelRequested: false };
    });
  }

  /** The one leg that ended with nothing filled while every other leg filled completely (−1 if none). */
  private laggingLeg(): number {
    const lagging = this.orders.findIndex((o) => o !== null && isTerminal(o.status) && o.status !== 'FILLED' && o.filledQuantity === 0);
    if (lagging < 0) return -1;
    return this.orders.every((o, i) => i === lagging || o?.status === 'FILLED') ? lagging : -1;
  }

  /** Sends the lagging leg once more, as an entry leg of the same position. */
  private async complete(index: number, nowMs: number, deps: KotakStrangleDeps, config: KotakStrangleConfig): Promise<EntryProgress> {
    this.completions += 1;
    const leg = this.legs[index];
    const result = await deps.orders.submit(legCommand({ positionId: this.positionId, expiry: this.expiry, side: 'SELL', purpose: 'ENTRY', ...leg }, config));
    if (refused(result)) {
      this.abort = { code: 'SECOND_LEG_REFUSED', message: `${leg.strike} ${leg.optionType} sent again after a restart and ${result.status.toLowerCase()} (${why(result)}): unwinding the other leg` };
      return this.advance(nowMs, deps, config);
    }
    this.orders[index] = { clientOrderId: result.clientOrderId, quantity: leg.quantity, limitPrice: leg.limitPrice, submittedAtMs: nowMs, status: 'SUBMITTED', filledQuantity: 0, cancelRequested: false };
    this.clockFromMs = nowMs;
    return { state: 'WORKING', resent: { optionType: leg.optionType, strike: leg.strike, quantity: leg.quantity, limitPrice: leg.limitPrice, clientOrderId: result.clientOrderId } };
  }

  /** The entry's own trading day, in session, before the entry window ends. */
  private windowOpen(nowMs: number, deps: KotakStrangleDeps, config: KotakStrangleConfig): boolean {
    const { date, time } = istDateTimeOf(nowMs);
    return date === istDateTimeOf(this.submittedAtMs).date && deps.calendar.isWithinSession(date, time) && compareTimes(time, config.entryWindowEnd) < 0;
  }
}
