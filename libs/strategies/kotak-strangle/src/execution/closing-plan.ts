import { isTerminal, tickSize, type IsoDate, type OptionChainSnapshot } from '@mcube/domain';
import type { KotakStrangleConfig } from '../config/kotak-strangle.config';
import { buyLimitPrice } from '../entry/limit-price';
import type { KotakStrangleDeps } from '../ports/strategy-deps';
import { legIntent } from './order-intents';
import { refreshOrder, type TrackedOrder } from './tracked-order';

/** One short leg to buy back. */
export interface ClosingLeg {
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  /** Units to buy back in total. */
  readonly targetQuantity: number;
  /** Units bought back by finished orders. */
  closedQuantity: number;
  order: TrackedOrder | null;
  refusals: number;
  /** Orders sent for this leg so far (stored with the plan: the next one's `ref` continues after a restart). */
  sent?: number;
}

/** Something the closing plan did that the journal or an alert should show. */
export interface ClosingEvent {
  readonly type: 'SUBMITTED' | 'REFUSED' | 'CANCEL_REQUESTED';
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  readonly clientOrderId: string;
  readonly quantity: number;
  readonly limitPrice?: number;
  readonly detail: string;
}

/** The stored form of a plan (plain JSON), for `ClosingPlan.fromSnapshot` after a restart. */
export interface ClosingPlanSnapshot {
  readonly positionId: string;
  readonly expiry: IsoDate;
  readonly purpose: 'EXIT' | 'UNWIND';
  readonly reasonCode: string;
  readonly legs: readonly ClosingLeg[];
}

/**
 * Buys back short legs until every unit is closed: an EXIT of the position or the UNWIND of a
 * failed entry (both go through the order port as EXIT intents, reducesPosition true). Each
 * `advance` polls the working orders; an order still working after `closeOrderTimeoutMs` is
 * cancelled and the rest re-priced at the current touch on a later advance; a refused order
 * is retried on the next advance (the caller alerts). Never sells: it only closes.
 */
export class ClosingPlan {
  constructor(
    readonly positionId: string,
    readonly expiry: IsoDate,
    readonly purpose: 'EXIT' | 'UNWIND',
    readonly reasonCode: string,
    readonly legs: ClosingLeg[],
  ) {}

  /** A plan stored before a restart: its working orders are polled again by `advance`. */
  static fromSnapshot(s: ClosingPlanSnapshot): ClosingPlan {
    return new ClosingPlan(s.positionId, s.expiry, s.purpose, s.reasonCode, s.legs.map((l) => ({ ...l, order: l.order ? { ...l.order } : null })));
  }

  /** The stored form of this plan. */
  snapshot(): ClosingPlanSnapshot {
    return { positionId: this.positionId, expiry: this.expiry, purpose: this.purpose, reasonCode: this.reasonCode, legs: this.legs.map((l) => ({ ...l, order: l.order ? { ...l.order } : null })) };
  }

  /** Units still to buy back across legs (counting working orders' fills). */
  remaining(): number {
    return this.legs.reduce((sum, l) => sum + l.targetQuantity - l.closedQuantity - (l.order?.filledQuantity ?? 0), 0);
  }

  /** True when every unit has been bought back and no order is working. */
  get done(): boolean {
    return this.legs.every((l) => l.order === null && l.closedQuantity >= l.targetQuantity);
  }

  /** Polls, cancels stale orders and submits what is left. Rejects when a port rejects. */
  async advance(nowMs: number, deps: KotakStrangleDeps, config: KotakStrangleConfig): Promise<ClosingEvent[]> {
    const events: ClosingEvent[] = [];
    let chain: OptionChainSnapshot | null = null;
    for (const leg of this.legs) {
      await this.poll(leg, nowMs, deps, config, events);
      const left = leg.targetQuantity - leg.closedQuantity;
      if (leg.order !== null || left <= 0) continue;
      chain ??= await deps.market.optionChain({ underlying: config.underlying, expiry: this.expiry });
      const row = chain.strikes.find((r) => r.strike === leg.strike);
      const side = leg.optionType === 'CE' ? row?.call : row?.put;
      if (!side) {
        leg.refusals += 1;
        events.push({ type: 'REFUSED', optionType: leg.optionType, strike: leg.strike, clientOrderId: '', quantity: left, detail: 'no quote for the leg in the chain' });
        continue;
      }
      const limitPrice = buyLimitPrice(side, config.exitLimitMode, tickSize);
      const intent = legIntent(
        { positionId: this.positionId, expiry: this.expiry, optionType: leg.optionType, strike: leg.strike, side: 'BUY', quantity: left, limitPrice, purpose: 'EXIT', estimatedMarginPaise: 0 },
        config,
      );
      leg.sent = (leg.sent ?? 0) + 1;
      // The same ref after a restart (the plan saved before this send) finds the order already journaled instead of sending another.
      const result = await deps.orders.submit(intent, { ref: `${this.purpose}:${leg.optionType}${leg.strike}:${leg.sent}` });
      if (result.status === 'DENIED' || result.status === 'REJECTED') {
        leg.refusals += 1;
        const why = result.denial ? `${result.denial.code}: ${result.denial.message}` : result.status;
        events.push({ type: 'REFUSED', optionType: leg.optionType, strike: leg.strike, clientOrderId: result.clientOrderId, quantity: left, limitPrice, detail: why });
        continue;
      }
      leg.order = { clientOrderId: result.clientOrderId, quantity: left, limitPrice, submittedAtMs: nowMs, status: 'SUBMITTED', filledQuantity: 0, cancelRequested: false };
      events.push({ type: 'SUBMITTED', optionType: leg.optionType, strike: leg.strike, clientOrderId: result.clientOrderId, quantity: left, limitPrice, detail: result.status });
      await this.poll(leg, nowMs, deps, config, events);
    }
    return events;
  }

  private async poll(leg: ClosingLeg, nowMs: number, deps: KotakStrangleDeps, config: KotakStrangleConfig, events: ClosingEvent[]): Promise<void> {
    const order = leg.order;
    if (!order) return;
    await refreshOrder(deps.orders, order);
    if (!isTerminal(order.status) && !order.cancelRequested && nowMs - order.submittedAtMs >= config.closeOrderTimeoutMs) {
      await deps.orders.cancel(order.clientOrderId);
      order.cancelRequested = true;
      events.push({ type: 'CANCEL_REQUESTED', optionType: leg.optionType, strike: leg.strike, clientOrderId: order.clientOrderId, quantity: order.quantity, detail: 'unfilled past the close timeout: re-pricing' });
      await refreshOrder(deps.orders, order);
    }
    if (isTerminal(order.status)) {
      leg.closedQuantity += order.filledQuantity;
      leg.order = null;
    }
  }
}
