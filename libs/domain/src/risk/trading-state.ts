import type { OrderPurpose, OrderSide } from '../orders/order-types';
import { isReducingOrder } from '../orders/risk-checked-order';
import type { ReconciliationState, TradingState } from './risk-context';

/**
 * Why an account is not plainly ACTIVE. The kill switch is a person's choice; the others
 * are states the trader did not choose, so none of them ever refuses a reducing order.
 */
export type TradingStateCause = 'KILL_SWITCH_HALTED' | 'KILL_SWITCH_REDUCING' | 'UNRECONCILED' | 'RECONCILIATION_MISMATCH' | 'BREAKER_TRIPPED' | 'ACCOUNT_INACTIVE';

/** Everything that decides what an account may send. */
export interface TradingStateFacts {
  /** The kill switch as set by a person. */
  readonly killSwitch: TradingState;
  readonly reconciliation: ReconciliationState;
  /** A circuit breaker of the account (or a system-wide one) is open. */
  readonly breakerTripped: boolean;
  /** False once a breaker deactivated the account, until an admin resets it. */
  readonly accountActive: boolean;
}

/** The state the gateway trades on, and every reason it is not ACTIVE (empty when ACTIVE). */
export interface EffectiveTradingState {
  readonly effective: TradingState;
  readonly causes: readonly TradingStateCause[];
}

/**
 * The one trading-state model (README "Risk"): the kill switch's HALTED lets only cancels out;
 * every other cause (kill switch REDUCING, reconciliation pending or mismatched, breaker open,
 * account inactive) makes the account REDUCING: no new risk, reductions of a position the broker
 * confirms go out. Causes are listed in this fixed order, all of them, even under HALTED.
 */
export function effectiveTradingState(facts: TradingStateFacts): EffectiveTradingState {
  const causes: TradingStateCause[] = [];
  if (facts.killSwitch === 'HALTED') causes.push('KILL_SWITCH_HALTED');
  if (facts.killSwitch === 'REDUCING') causes.push('KILL_SWITCH_REDUCING');
  if (facts.reconciliation === 'PENDING') causes.push('UNRECONCILED');
  if (facts.reconciliation === 'MISMATCH') causes.push('RECONCILIATION_MISMATCH');
  if (facts.breakerTripped) causes.push('BREAKER_TRIPPED');
  if (!facts.accountActive) causes.push('ACCOUNT_INACTIVE');
  const effective: TradingState = facts.killSwitch === 'HALTED' ? 'HALTED' : causes.length > 0 ? 'REDUCING' : 'ACTIVE';
  return { effective, causes };
}

/**
 * Whether a state lets an order out: ACTIVE lets everything, REDUCING only reducing orders
 * (see `isReducingOrder`), HALTED nothing. Cancels are not orders: use `canCancel`.
 */
export function tradingStateAllows(state: TradingState, order: { purpose: OrderPurpose; reducesPosition: boolean }): boolean {
  switch (state) {
    case 'ACTIVE':
      return true;
    case 'REDUCING':
      return isReducingOrder(order);
    case 'HALTED':
      return false;
  }
}

/** Cancelling only removes risk, so it is allowed in every trading state, HALTED included. */
export function canCancel(state: TradingState): boolean {
  void state;
  return true;
}

/** A holding (signed: negative = short) and an order against it. */
export interface ReductionQuery {
  /** Net units held in the contract: the journal's open leg, or the broker's net position. */
  readonly netQuantity: number;
  readonly side: OrderSide;
  /** Units of this order, > 0. */
  readonly quantity: number;
  /** Units of other working orders that reduce the same holding (they may fill first). */
  readonly pendingQuantity?: number;
}

/**
 * True when the order can only shrink the holding: a BUY against a short, a SELL against a
 * long, for no more than what is held minus what other working reductions may still take.
 * Used twice by the gateway: against the journal's leg, and (whenever the account is not
 * ACTIVE) against the broker's own net position, "a position the broker confirms".
 */
export function onlyReduces(q: ReductionQuery): boolean {
  if (!Number.isSafeInteger(q.quantity) || q.quantity <= 0) return false;
  const closable = q.side === 'BUY' ? -q.netQuantity : q.netQuantity;
  return closable > 0 && q.quantity + Math.max(0, q.pendingQuantity ?? 0) <= closable;
}
