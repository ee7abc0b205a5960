import { ICICI_FUTURES_DEFAULTS, ICICI_RISK_DEFAULTS, KOTAK_RISK_DEFAULTS, KOTAK_STRANGLE_DEFAULTS, type OrderStopModel } from '@mcube/domain';
import { type AccountFacts } from '../../accounts/account-reads';
import type { RiskLimit } from '../entities/risk-limit.entity';

/**
 * How far an order's position may run before its stop closes it, for the gateway's per-trade
 * risk (`orderFigures`): the strangle's stop (100% of premium) and the futures stop (0.5%) from
 * the strategies' defaults, capped by the account's stored per-position stop (Kotak ₹1 L).
 */
export function orderStopModelOf(limitRow: RiskLimit | null, broker: AccountFacts['broker']): OrderStopModel {
  const defaults = broker === 'ICICI' ? ICICI_RISK_DEFAULTS : KOTAK_RISK_DEFAULTS;
  const perPositionStopPaise = limitRow ? (limitRow.perPositionStopPaise ?? undefined) : defaults.perPositionStopPaise;
  return { shortOptionStopFraction: KOTAK_STRANGLE_DEFAULTS.stopLossPct / 100, futuresStopFraction: ICICI_FUTURES_DEFAULTS.stopLossPct, perPositionStopPaise };
}
