import type { OrderApproval, OrderIntent } from '@mcube/domain';
import { limitPriceFor } from '../plan/prices';
import { levelsAfterAveraging, levelsAfterEntry } from '../plan/risk-levels';
import type { FuturesApprovalRequest } from '../ports/approval-request.port';
import type { FuturesPositionState } from '../ports/futures-account.port';
import type { StrategyContext } from '../strategy-context';
import { isTerminal, type WorkingOrder } from './working-order';

/** How an approved request ended at the desk. */
export type ApprovedSendResult =
  | { readonly status: 'SUBMITTED'; readonly clientOrderId: string; readonly limitPrice: number }
  | { readonly status: 'NOT_SENT'; readonly code: string; readonly reason: string };

/** What a finished order means for the strategy (a completed exit may be followed by a roll). */
export interface DeskCompletion {
  readonly purpose: WorkingOrder['purpose'];
  readonly exitCode: string | null;
  readonly intent: OrderIntent;
}

/**
 * Sends and follows the strategy's one working order (entry, averaging or exit). Entries and
 * averaging orders are cancelled after `entryFillTimeoutMs`; an exit still working after
 * `exitOrderTimeoutMs` is cancelled and sent again at the fresh touch for what is still open,
 * until the position is flat (a stop is never abandoned). Stop and target are stored on the
 * position after every entry or averaging fill, from the actual average.
 */
export class FuturesOrderDesk {
  working: WorkingOrder | null = null;

  constructor(private readonly ctx: StrategyContext) {}

  /** Sends an approved request's intent with the person's approval, re-priced at the touch inside the approved band. */
  async sendApproved(request: FuturesApprovalRequest, approval: OrderApproval, nowMs: number): Promise<ApprovedSendResult> {
    const { deps, config } = this.ctx;
    const touch = await deps.market.futuresTouch({ underlying: request.intent.instrument.underlying, expiry: request.intent.instrument.expiry });
    const limitPrice = limitPriceFor(touch, request.intent.side, config.entryLimitMode, config.tickSize);
    if (limitPrice < request.priceBand.low || limitPrice > request.priceBand.high) {
      return { status: 'NOT_SENT', code: 'PRICE_OUTSIDE_BAND', reason: `the touch gives ${limitPrice}, outside the approved band ${request.priceBand.low}–${request.priceBand.high}` };
    }
    const intent: OrderIntent = { ...request.intent, limitPrice, approval };
    const result = await deps.orders.submit(intent);
    if (result.status === 'DENIED' || result.status === 'REJECTED') {
      return { status: 'NOT_SENT', code: `${result.status}:${result.denial?.code ?? 'UNKNOWN'}`, reason: result.denial?.message ?? result.status };
    }
    this.working = { purpose: request.kind === 'AVERAGE' ? 'AVERAGE' : 'ENTRY', clientOrderId: result.clientOrderId, positionId: request.positionId, intent, submittedAtMs: nowMs, request, exitCode: null, cancelRequested: false };
    return { status: 'SUBMITTED', clientOrderId: result.clientOrderId, limitPrice };
  }

  /** Sends a closing LIMIT order for the whole open quantity (purpose EXIT, reducing). Refusals raise a CRITICAL alert; the next tick retries. */
  async sendExit(position: FuturesPositionState, exitCode: string, nowMs: number): Promise<void> {
    const { deps, config } = this.ctx;
    const touch = await deps.market.futuresTouch({ underlying: position.underlying, expiry: position.expiry });
    const side = position.direction === 'LONG' ? 'SELL' : 'BUY';
    const intent: OrderIntent = {
      accountId: config.accountId,
      broker: 'ICICI',
      segment: 'NFO-FUT',
      instrument: { underlying: position.underlying, kind: 'FUT', expiry: position.expiry },
      side,
      quantity: position.quantity,
      orderType: 'LIMIT',
      limitPrice: limitPriceFor(touch, side, config.exitLimitMode, config.tickSize),
      purpose: 'EXIT',
      reducesPosition: true,
      positionId: position.positionId,
      estimatedMarginPaise: 0,
      estimatedRiskPaise: 0,
      estimatedExposurePaise: 0,
    };
    const result = await deps.orders.submit(intent);
    const inputs = { intent, result, touch };
    if (result.status === 'DENIED' || result.status === 'REJECTED') {
      await this.ctx.record('EXIT', 'EXIT_ORDER_REFUSED', exitCode, `${side} ${position.quantity} refused: ${result.denial?.message ?? result.status}; retrying next tick`, inputs, nowMs, position.positionId);
      await this.ctx.alert('CRITICAL', 'Futures exit order refused', `${position.underlying} ${position.quantity} still open (${exitCode}): ${result.denial?.message ?? result.status}. Retrying; check the account.`, nowMs, `exit:${position.positionId}`);
      return;
    }
    this.working = { purpose: 'EXIT', clientOrderId: result.clientOrderId, positionId: position.positionId, intent, submittedAtMs: nowMs, request: null, exitCode, cancelRequested: false };
    await this.ctx.record('EXIT', 'EXIT_ORDER_SUBMITTED', exitCode, `${side} ${position.quantity} ${position.underlying} ${position.expiry} FUT @ ${intent.limitPrice}`, inputs, nowMs, position.positionId);
  }

  /** Follows the working order one step. Returns what completed (null while it works or when nothing is working). */
  async advance(nowMs: number): Promise<DeskCompletion | null> {
    const w = this.working;
    if (!w) return null;
    const { deps, config } = this.ctx;
    const state = await deps.orders.orderStatus(w.clientOrderId);
    if (!isTerminal(state.status)) {
      const timeout = w.purpose === 'EXIT' ? config.exitOrderTimeoutMs : config.entryFillTimeoutMs;
      if (!w.cancelRequested && nowMs - w.submittedAtMs >= timeout) {
        w.cancelRequested = true;
        await deps.orders.cancel(w.clientOrderId);
        await this.ctx.record(w.purpose === 'EXIT' ? 'EXIT' : w.purpose, `${w.purpose}_ORDER_CANCEL_REQUESTED`, 'FILL_TIMEOUT', `${w.clientOrderId} not filled within ${timeout} ms`, { order: state }, nowMs, w.positionId);
      }
      return null;
    }
    this.working = null;
    const position = await deps.account.activePosition(config.accountId);
    const inputs = { order: state, intent: w.intent, position };
    if (w.purpose === 'EXIT') {
      if (position && position.quantity > 0) {
        await this.ctx.record('EXIT', 'EXIT_ORDER_REPRICED', w.exitCode ?? 'EXIT', `${position.quantity} still open after ${w.clientOrderId} ended ${state.status}: sending again at the touch`, inputs, nowMs, w.positionId);
        await this.sendExit(position, w.exitCode ?? 'EXIT', nowMs);
        return null;
      }
      await this.ctx.record('EXIT', 'EXIT_COMPLETE', w.exitCode ?? 'EXIT', `Position ${w.positionId} closed`, inputs, nowMs, w.positionId);
      return { purpose: 'EXIT', exitCode: w.exitCode, intent: w.intent };
    }
    const kind = w.purpose;
    if (state.filledQuantity === 0 || !position) {
      await this.ctx.record(kind, `${kind}_UNFILLED`, state.status, `${w.clientOrderId} ended ${state.status} with nothing filled${state.reason ? `: ${state.reason}` : ''}`, inputs, nowMs, w.positionId);
      return { purpose: kind, exitCode: null, intent: w.intent };
    }
    const previous = position.riskLevels;
    const levels = kind === 'AVERAGE' && previous ? levelsAfterAveraging(position, previous, config) : levelsAfterEntry(position, config);
    await deps.account.setRiskLevels(position.positionId, levels);
    const part = state.status === 'FILLED' ? 'filled' : `ended ${state.status} after filling ${state.filledQuantity} of ${w.intent.quantity}`;
    await this.ctx.record(kind, `${kind}_FILLED`, state.status === 'FILLED' ? 'ORDER_FILLED' : 'ORDER_PARTLY_FILLED', `${w.clientOrderId} ${part}; average ${position.averagePrice}, stop ${levels.stopLoss}, target ${levels.target}`, { ...inputs, levels }, nowMs, position.positionId);
    return { purpose: kind, exitCode: null, intent: w.intent };
  }
}
