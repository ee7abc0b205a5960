import type { OrderPurpose } from '../orders/order-types';
import { isReducingIntent } from './order-intent';
import type { TradingState } from './risk-context';

/**
 * Whether the kill switch lets an order out: ACTIVE lets everything, REDUCING only
 * reducing intents (see `isReducingIntent`), HALTED nothing. Cancels are not orders: use
 * `canCancel`.
 */
export function tradingStateAllows(state: TradingState, order: { purpose: OrderPurpose; reducesPosition: boolean }): boolean {
  switch (state) {
    case 'ACTIVE':
      return true;
    case 'REDUCING':
      return isReducingIntent(order);
    case 'HALTED':
      return false;
  }
}

/** Cancelling only removes risk, so it is allowed in every trading state, HALTED included. */
export function canCancel(state: TradingState): boolean {
  void state;
  return true;
}
