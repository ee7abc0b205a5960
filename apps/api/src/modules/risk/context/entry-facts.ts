import { ICICI_FUTURES_DEFAULTS, ICICI_RISK_DEFAULTS, KOTAK_RISK_DEFAULTS, KOTAK_STRANGLE_DEFAULTS, type EntryLegShape, type OrderStopModel } from '@mcube/domain';
import type { EntityManager } from 'typeorm';
import type { BrokerAccount } from '../../accounts/entities/broker-account.entity';
import { PositionLeg } from '../../positions/entities/position-leg.entity';
import type { RiskLimit } from '../entities/risk-limit.entity';

/**
 * The open legs of a position as the entry-shape rule sees them (an entry that completes the
 * position after a restart is judged with them).
 */
export async function openLegShapes(manager: EntityManager, positionId: number): Promise<EntryLegShape[]> {
  const legs = await manager.find(PositionLeg, { where: { positionId, status: 'OPEN' }, order: { id: 'ASC' } });
  return legs
    .filter((l) => l.quantity > 0)
    .map((l) => ({
      instrument: l.instrumentType === 'FUT' ? { underlying: l.underlying, kind: 'FUT', expiry: l.expiryDate } : { underlying: l.underlying, kind: 'OPT', expiry: l.expiryDate, strike: l.strike ?? undefined, optionType: l.instrumentType },
      side: l.side,
      quantity: l.quantity,
    }));
}

/**
 * How far an order's position may run before its stop closes it, for the gateway's per-trade
 * risk (`orderFigures`): the strangle's stop (100% of premium) and the futures stop (0.5%) from
 * the strategies' defaults, capped by the account's stored per-position stop (Kotak ₹1 L).
 */
export function orderStopModelOf(limitRow: RiskLimit | null, broker: BrokerAccount['broker']): OrderStopModel {
  const defaults = broker === 'ICICI' ? ICICI_RISK_DEFAULTS : KOTAK_RISK_DEFAULTS;
  const perPositionStopPaise = limitRow ? (limitRow.perPositionStopPaise ?? undefined) : defaults.perPositionStopPaise;
  return { shortOptionStopFraction: KOTAK_STRANGLE_DEFAULTS.stopLossPct / 100, futuresStopFraction: ICICI_FUTURES_DEFAULTS.stopLossPct, perPositionStopPaise };
}
