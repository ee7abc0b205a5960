import { isTerminal, type IsoDate } from '@mcube/domain';
import type { KotakStrangleConfig } from '../config/kotak-strangle.config';
import type { KotakStrangleDeps } from '../ports/strategy-deps';
import type { ClosingLeg } from './closing-plan';
import { legIntent } from './order-intents';
import { refreshOrder, type TrackedOrder } from './tracked-order';

/** Why an entry was abandoned. */
export type EntryFailureCode = 'FIRST_LEG_REFUSED' | 'SECOND_LEG_REFUSED' | 'LEG_ENDED_UNFILLED' | 'LEG_FILL_TIMEOUT';

/** One entry leg to sell. */
export interface EntryLegPlan {
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  readonly quantity: number;
  readonly limitPrice: number;
  readonly estimatedMarginPaise: number;
}

/** Where an entry attempt stands after a call. FAILED carries what must be bought back. */
export type EntryProgress =
  | { readonly state: 'WORKING' }
  | { readonly state: 'FILLED'; readonly legs: readonly { optionType: 'CE' | 'PE'; clientOrderId: string; averagePrice?: number; quantity: number }[] }
  | { readonly state: 'FAILED'; readonly code: EntryFailureCode; readonly message: string; readonly unwind: ClosingLeg[]; readonly orders: readonly TrackedOrder[] };

/**
 * The two SELL legs of a strangle entry as a state machine advanced by calls (no timers):
 * `start` submits CE then PE (PE only if CE was taken); `advance` polls. Both FILLED → FILLED.
 * A leg refused, or ended without a full fill, or both not filled `legFillTimeoutMs` after
 * submission → every working leg is cancelled, and once all are final the attempt FAILS with
 * the filled quantities to unwind (all of them, even a partly filled pair: never a naked leg).
 */
export class EntryAttempt {
  private readonly orders: (TrackedOrder | null)[] = [];
  private abort: { code: EntryFailureCode; message: string } | null = null;

  constructor(
    readonly positionId: string,
    readonly expiry: IsoDate,
    readonly submittedAtMs: number,
    readonly legs: readonly EntryLegPlan[],
  ) {}

  /** Submits the legs in order; rejects only when the port rejects. */
  async start(deps: KotakStrangleDeps, config: KotakStrangleConfig): Promise<EntryProgress> {
    for (const [i, leg] of this.legs.entries()) {
      const intent = legIntent({ positionId: this.positionId, expiry: this.expiry, side: 'SELL', purpose: 'ENTRY', ...leg }, config);
      const result = await deps.orders.submit(intent);
      if (result.status === 'DENIED' || result.status === 'REJECTED') {
        const why = result.denial ? `${result.denial.code}: ${result.denial.message}` : result.status;
        const code: EntryFailureCode = i === 0 ? 'FIRST_LEG_REFUSED' : 'SECOND_LEG_REFUSED';
        this.abort = { code, message: `${leg.strike} ${leg.optionType} ${result.status.toLowerCase()} (${why})${i > 0 ? ': unwinding the other leg' : ''}` };
        break;
      }
      this.orders.push({ clientOrderId: result.clientOrderId, quantity: leg.quantity, limitPrice: leg.limitPrice, submittedAtMs: this.submittedAtMs, status: 'SUBMITTED', filledQuantity: 0, cancelRequested: false });
    }
    return this.advance(this.submittedAtMs, deps, config);
  }

  /** Polls the legs, applies the timeout, cancels on failure; rejects only when the port rejects. */
  async advance(nowMs: number, deps: KotakStrangleDeps, config: KotakStrangleConfig): Promise<EntryProgress> {
    const working = this.orders.filter((o): o is TrackedOrder => o !== null);
    for (const o of working) await refreshOrder(deps.orders, o);
    if (!this.abort) {
      const allFilled = working.length === this.legs.length && working.every((o) => o.status === 'FILLED');
      if (allFilled) {
        return { state: 'FILLED', legs: working.map((o, i) => ({ optionType: this.legs[i].optionType, clientOrderId: o.clientOrderId, averagePrice: o.averagePrice, quantity: o.filledQuantity })) };
      }
      const ended = working.findIndex((o) => isTerminal(o.status) && o.status !== 'FILLED');
      if (ended >= 0) {
        const o = working[ended];
        this.abort = { code: 'LEG_ENDED_UNFILLED', message: `${this.legs[ended].strike} ${this.legs[ended].optionType} ended ${o.status}${o.reason ? ` (${o.reason})` : ''}: unwinding the other leg` };
      } else if (nowMs - this.submittedAtMs >= config.legFillTimeoutMs) {
        const late = working.map((o, i) => (o.status === 'FILLED' ? null : `${this.legs[i].strike} ${this.legs[i].optionType} ${o.filledQuantity}/${o.quantity}`)).filter(Boolean);
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
    const unwind: ClosingLeg[] = working
      .map((o, i) => ({ optionType: this.legs[i].optionType, strike: this.legs[i].strike, targetQuantity: o.filledQuantity, closedQuantity: 0, order: null, refusals: 0 }))
      .filter((l) => l.targetQuantity > 0);
    return { state: 'FAILED', code: this.abort.code, message: this.abort.message, unwind, orders: working };
  }
}
