import { isTerminal, tickSize, type IsoDate, type OptionChainSnapshot } from '@mcube/domain';
import type { KotakStrangleConfig } from '../config/kotak-strangle.config';
import { buyLimitPrice } from '../entry/limit-price';
import type { StrategyLeg } from '../ports/position-view.port';
import type { KotakStrangleDeps } from '../ports/strategy-deps';
import { legCommand } from './order-commands';
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
  /** A person canceled this leg's closing order: the plan leaves the leg alone. */
  held?: boolean;
}

/**
 * The legs of a stored exit to resume (after a restart): every open short leg a person did not
 * hold, adopting its closing order still working (whose earlier fills are already off the leg:
 * they count toward the target again once the order ends).
 */
export function resumedClosingLegs(legs: readonly StrategyLeg[]): ClosingLeg[] {
  return legs
    .filter((l) => l.quantity < 0 && !l.exitHeld)
    .map((l) => {
      const w = l.workingExit;
      const order: TrackedOrder | null = w ? { clientOrderId: w.clientOrderId, quantity: w.quantity, limitPrice: w.limitPrice, submittedAtMs: w.submittedAtMs, status: 'ACCEPTED', filledQuantity: w.filledQuantity, cancelRequested: false } : null;
      return { optionType: l.optionType, strike: l.strike, targetQuantity: -l.quantity + (w?.filledQuantity ?? 0), closedQuantity: 0, order, refusals: 0 };
    });
}

/** Something the closing plan did that the journal or an alert should show. */
export interface ClosingEvent {
  readonly type: 'SUBMITTED' | 'REFUSED' | 'CANCEL_REQUESTED' | 'HELD';
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  readonly clientOrderId: string;
  readonly quantity: number;
  readonly limitPrice?: number;
  readonly detail: string;
}

/**
 * Buys back short legs until every unit is closed: an EXIT of the position or the UNWIND of a
 * failed entry (both go through the order port as EXIT intents, reducesPosition true). Each
 * leg is worked on its own: each `advance` polls the working orders; an order still working
 * after `closeOrderTimeoutMs` is cancelled and the rest re-priced at the current touch on a
 * later advance; a refused order is retried on the next advance (the caller alerts). A leg
 * whose order a person canceled is HELD: never sent again by the plan. Never sells: it only closes.
 * The plan itself is not stored: the exit is (`StrategyOrderPort.requestExit`), and after a
 * restart the plan is rebuilt from the position (`resumedClosingLegs`), adopting the orders
 * still working.
 */
export class ClosingPlan {
  constructor(
    readonly positionId: string,
    readonly expiry: IsoDate,
    readonly purpose: 'EXIT' | 'UNWIND',
    readonly reasonCode: string,
    readonly legs: ClosingLeg[],
  ) {}

  /** Units still to buy back across legs (counting working orders' fills). */
  remaining(): number {
    return this.legs.reduce((sum, l) => sum + l.targetQuantity - l.closedQuantity - (l.order?.filledQuantity ?? 0), 0);
  }

  /** True when no order is working and every leg is bought back (or held by a person). */
  get done(): boolean {
    return this.legs.every((l) => l.order === null && (l.closedQuantity >= l.targetQuantity || l.held === true));
  }

  /** Legs a person's cancel holds (not bought back by the plan). */
  get heldLegs(): ClosingLeg[] {
    return this.legs.filter((l) => l.held === true && l.closedQuantity < l.targetQuantity);
  }

  /** Polls, cancels stale orders and submits what is left. Rejects when a port rejects. */
  async advance(nowMs: number, deps: KotakStrangleDeps, config: KotakStrangleConfig): Promise<ClosingEvent[]> {
    const events: ClosingEvent[] = [];
    let chain: OptionChainSnapshot | null = null;
    for (const leg of this.legs) {
      await this.poll(leg, nowMs, deps, config, events);
      const left = leg.targetQuantity - leg.closedQuantity;
      if (leg.order !== null || left <= 0 || leg.held) continue;
      chain ??= await deps.market.optionChain({ underlying: config.underlying, expiry: this.expiry });
      const row = chain.strikes.find((r) => r.strike === leg.strike);
      const side = leg.optionType === 'CE' ? row?.call : row?.put;
      if (!side) {
        leg.refusals += 1;
        events.push({ type: 'REFUSED', optionType: leg.optionType, strike: leg.strike, clientOrderId: '', quantity: left, detail: 'no quote for the leg in the chain' });
        continue;
      }
      const limitPrice = buyLimitPrice(side, config.exitLimitMode, tickSize);
      const command = legCommand(
        { positionId: this.positionId, expiry: this.expiry, optionType: leg.optionType, strike: leg.strike, side: 'BUY', quantity: left, limitPrice, purpose: 'EXIT', estimatedMarginPaise: 0 },
        config,
      );
      const result = await deps.orders.submit(command);
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
      if (order.status === 'CANCELED' && order.canceledByPerson && leg.closedQuantity < leg.targetQuantity) {
        leg.held = true;
        events.push({ type: 'HELD', optionType: leg.optionType, strike: leg.strike, clientOrderId: order.clientOrderId, quantity: leg.targetQuantity - leg.closedQuantity, detail: 'a person canceled the closing order: not sent again' });
      }
    }
  }
}
