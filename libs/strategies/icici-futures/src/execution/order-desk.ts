import type { OrderApproval, StrategyOrderCommand } from '@mcube/domain';
import { limitPriceFor } from '../plan/prices';
import { levelsAfterAveraging, levelsAfterEntry } from '../plan/risk-levels';
import type { FuturesApprovalRequest } from '../ports/approval-request.port';
import type { FuturesPositionState } from '../ports/futures-account.port';
import type { StrategyContext } from '../strategy-context';
import { storedWorkingOrder, type IciciFuturesSnapshot } from './futures-snapshot';
import { isTerminal, type WorkingOrder } from './working-order';

/** How an approved request ended at the desk. */
export type ApprovedSendResult =
  | { readonly status: 'SUBMITTED'; readonly clientOrderId: string; readonly limitPrice: number }
  | { readonly status: 'NOT_SENT'; readonly code: string; readonly reason: string };

/** What a finished order means for the strategy (a completed exit may be followed by a roll). */
export interface DeskCompletion {
  readonly purpose: WorkingOrder['purpose'];
  readonly exitCode: string | null;
  readonly intent: StrategyOrderCommand;
}

/**
 * Sends and follows the strategy's one working order (entry, averaging or exit). Entries and
 * averaging orders are cancelled after `entryFillTimeoutMs`; an exit still working after
 * `exitOrderTimeoutMs` is cancelled and sent again at the fresh touch for what is still open,
 * until the position is flat (a stop is never abandoned). Stop and target are stored on the
 * position after every entry or averaging fill, from the actual average.
 *
 * The working order survives a restart: it is stored (`deps.state`) with its clientOrderId,
 * chosen through an idempotency key, BEFORE the order is sent, and again whenever it changes
 * (cancel asked, ended); `restore` reads it back and the next `advance` follows it (an order
 * that never reached the gateway is dropped, never sent again from the stored copy).
 */
export class FuturesOrderDesk {
  private current: WorkingOrder | null = null;
  /** Orders sent so far (stored): numbers the idempotency keys, so none is ever reused. */
  private orderSeq = 0;

  constructor(private readonly ctx: StrategyContext) {}

  get working(): WorkingOrder | null {
    return this.current;
  }

  /** The desk's part of the state kept across a restart. */
  snapshot(): Pick<IciciFuturesSnapshot, 'working' | 'orderSeq'> {
    return { working: storedWorkingOrder(this.current), orderSeq: this.orderSeq };
  }

  /** Takes back a stored state (a desk that has sent nothing yet); the working order is checked at the next `advance`. */
  restore(snapshot: IciciFuturesSnapshot): void {
    this.orderSeq = Math.max(this.orderSeq, snapshot.orderSeq);
    this.current = snapshot.working ? { ...snapshot.working, resumed: true } : null;
  }

  /** Sets the working order and stores the state (a failure rejects the call); then the order may be sent. */
  private async track(w: WorkingOrder | null): Promise<void> {
    this.current = w;
    await this.ctx.saver.save();
  }

  /** The next idempotency key: the order's clientOrderId is known (and stored) before it is sent. */
  private nextKey(what: string): { key: string; clientOrderId: string } {
    this.orderSeq += 1;
    const key = `icici:${this.ctx.config.accountId}:${what}:${this.orderSeq}`;
    return { key, clientOrderId: this.ctx.deps.orders.clientOrderIdFor(key) };
  }

  /** Sends an approved request's order with the person's approval, re-priced at the touch inside the approved band. */
  async sendApproved(request: FuturesApprovalRequest, approval: OrderApproval, nowMs: number): Promise<ApprovedSendResult> {
    const { deps, config } = this.ctx;
    const touch = await deps.market.futuresTouch({ underlying: request.intent.instrument.underlying, expiry: request.intent.instrument.expiry });
    const limitPrice = limitPriceFor(touch, request.intent.side, config.entryLimitMode, config.tickSize);
    if (limitPrice < request.priceBand.low || limitPrice > request.priceBand.high) {
      return { status: 'NOT_SENT', code: 'PRICE_OUTSIDE_BAND', reason: `the touch gives ${limitPrice}, outside the approved band ${request.priceBand.low}–${request.priceBand.high}` };
    }
    // The position comes from the request itself: a request stored before its order became a
    // `StrategyOrderCommand` (2026-12) has no `strategyPositionId` in its stored order.
    const intent: StrategyOrderCommand = { ...request.intent, strategyPositionId: request.positionId, limitPrice, approval };
    const purpose = request.kind === 'AVERAGE' ? 'AVERAGE' : 'ENTRY';
    const { key, clientOrderId } = this.nextKey(`${purpose}:${request.requestId}`);
    await this.track({ purpose, clientOrderId, positionId: request.positionId, intent, submittedAtMs: nowMs, request, exitCode: null, cancelRequested: false });
    const result = await deps.orders.submit(intent, key);
    if (result.status === 'DENIED' || result.status === 'REJECTED') {
      await this.track(null);
      return { status: 'NOT_SENT', code: `${result.status}:${result.denial?.code ?? 'UNKNOWN'}`, reason: result.denial?.message ?? result.status };
    }
    return { status: 'SUBMITTED', clientOrderId: result.clientOrderId, limitPrice };
  }

  /** Sends a closing LIMIT order for the whole open quantity (purpose EXIT, no caller figures: it only reduces). Refusals raise a CRITICAL alert; the next tick retries. */
  async sendExit(position: FuturesPositionState, exitCode: string, nowMs: number): Promise<void> {
    const { deps, config } = this.ctx;
    const touch = await deps.market.futuresTouch({ underlying: position.underlying, expiry: position.expiry });
    const side = position.direction === 'LONG' ? 'SELL' : 'BUY';
    const intent: StrategyOrderCommand = {
      segment: 'NFO-FUT',
      instrument: { underlying: position.underlying, kind: 'FUT', expiry: position.expiry },
      side,
      quantity: position.quantity,
      orderType: 'LIMIT',
      limitPrice: limitPriceFor(touch, side, config.exitLimitMode, config.tickSize),
      purpose: 'EXIT',
      strategyPositionId: position.positionId,
    };
    const { key, clientOrderId } = this.nextKey(`EXIT:${position.positionId}`);
    await this.track({ purpose: 'EXIT', clientOrderId, positionId: position.positionId, intent, submittedAtMs: nowMs, request: null, exitCode, cancelRequested: false });
    const result = await deps.orders.submit(intent, key);
    const inputs = { intent, result, touch };
    if (result.status === 'DENIED' || result.status === 'REJECTED') {
      await this.track(null);
      await this.ctx.record('EXIT', 'EXIT_ORDER_REFUSED', exitCode, `${side} ${position.quantity} refused: ${result.denial?.message ?? result.status}; retrying next tick`, inputs, nowMs, position.positionId);
      await this.ctx.alert('CRITICAL', 'Futures exit order refused', `${position.underlying} ${position.quantity} still open (${exitCode}): ${result.denial?.message ?? result.status}. Retrying; check the account.`, nowMs, `exit:${position.positionId}`);
      return;
    }
    await this.ctx.record('EXIT', 'EXIT_ORDER_SUBMITTED', exitCode, `${side} ${position.quantity} ${position.underlying} ${position.expiry} FUT @ ${intent.limitPrice}`, inputs, nowMs, position.positionId);
  }

  /** Follows the working order one step. Returns what completed (null while it works or when nothing is working). */
  async advance(nowMs: number): Promise<DeskCompletion | null> {
    let w = this.current;
    if (!w) return null;
    const { deps, config } = this.ctx;
    if (w.resumed) {
      if (!(await this.resume(w, nowMs))) return null;
      w = this.current as WorkingOrder;
    }
    const state = await deps.orders.orderStatus(w.clientOrderId);
    if (!isTerminal(state.status)) {
      const timeout = w.purpose === 'EXIT' ? config.exitOrderTimeoutMs : config.entryFillTimeoutMs;
      if (!w.cancelRequested && nowMs - w.submittedAtMs >= timeout) {
        await this.track({ ...w, cancelRequested: true });
        await deps.orders.cancel(w.clientOrderId);
        await this.ctx.record(w.purpose === 'EXIT' ? 'EXIT' : w.purpose, `${w.purpose}_ORDER_CANCEL_REQUESTED`, 'FILL_TIMEOUT', `${w.clientOrderId} not filled within ${timeout} ms`, { order: state }, nowMs, w.positionId);
      }
      return null;
    }
    // The order stays working (and stored) until what follows its end is done: a failure or a restart in between follows it again.
    const position = await deps.account.activePosition(config.accountId);
    const inputs = { order: state, intent: w.intent, position };
    if (w.purpose === 'EXIT') {
      if (position && position.quantity > 0) {
        await this.ctx.record('EXIT', 'EXIT_ORDER_REPRICED', w.exitCode ?? 'EXIT', `${position.quantity} still open after ${w.clientOrderId} ended ${state.status}: sending again at the touch`, inputs, nowMs, w.positionId);
        await this.sendExit(position, w.exitCode ?? 'EXIT', nowMs);
        return null;
      }
      await this.ctx.record('EXIT', 'EXIT_COMPLETE', w.exitCode ?? 'EXIT', `Position ${w.positionId} closed`, inputs, nowMs, w.positionId);
      await this.track(null);
      return { purpose: 'EXIT', exitCode: w.exitCode, intent: w.intent };
    }
    const kind = w.purpose;
    if (state.filledQuantity === 0 || !position) {
      await this.ctx.record(kind, `${kind}_UNFILLED`, state.status, `${w.clientOrderId} ended ${state.status} with nothing filled${state.reason ? `: ${state.reason}` : ''}`, inputs, nowMs, w.positionId);
      await this.track(null);
      return { purpose: kind, exitCode: null, intent: w.intent };
    }
    const previous = position.riskLevels;
    // Followed again after a restart that came after its levels were stored: one averaging counts once.
    const attempt = w.request?.averaging?.decision.attempt;
    const stored = kind === 'AVERAGE' && previous !== null && attempt !== undefined && previous.averagingAttempts >= attempt;
    const levels = stored ? previous : kind === 'AVERAGE' && previous ? levelsAfterAveraging(position, previous, config) : levelsAfterEntry(position, config);
    if (!stored) await deps.account.setRiskLevels(position.positionId, levels);
    const part = state.status === 'FILLED' ? 'filled' : `ended ${state.status} after filling ${state.filledQuantity} of ${w.intent.quantity}`;
    await this.ctx.record(kind, `${kind}_FILLED`, state.status === 'FILLED' ? 'ORDER_FILLED' : 'ORDER_PARTLY_FILLED', `${w.clientOrderId} ${part}; average ${position.averagePrice}, stop ${levels.stopLoss}, target ${levels.target}`, { ...inputs, levels }, nowMs, position.positionId);
    await this.track(null);
    return { purpose: kind, exitCode: null, intent: w.intent };
  }

  /**
   * The first step on an order read back after a restart: one the gateway never received
   * (the process stopped between storing and sending it) is dropped, journalled, and not sent
   * again (an exit is sent afresh by the monitor while its rule still holds); one it has is
   * followed from here on. Returns whether to follow it.
   */
  private async resume(w: WorkingOrder, nowMs: number): Promise<boolean> {
    const kind = w.purpose;
    if (!(await this.ctx.deps.orders.isIssued(w.clientOrderId))) {
      await this.ctx.record(kind, `${kind}_NOT_SENT`, 'RESTARTED', `${w.clientOrderId} was stored but never reached the gateway before the restart: dropped, not sent`, { working: storedWorkingOrder(w) }, nowMs, w.positionId);
      await this.track(null);
      return false;
    }
    await this.ctx.record(kind, `${kind}_RESUMED`, 'RESTARTED', `Restarted while ${w.clientOrderId} (${kind}) was working: following it`, { working: storedWorkingOrder(w) }, nowMs, w.positionId);
    this.current = { ...w, resumed: false };
    await this.ctx.saver.save();
    return true;
  }
}
