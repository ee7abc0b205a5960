import type { PositionUpdatedEvent } from '@mcube/contracts';
import { positionExitDisplay } from '@mcube/domain';
import type { PositionLeg } from './entities/position-leg.entity';
import type { Position } from './entities/position.entity';

/** The `position.updated` payload of a position and its legs (paise; units). */
export function positionUpdatedEvent(position: Position, legs: readonly PositionLeg[], netDelta: number | null, atMs: number): PositionUpdatedEvent {
  return {
    positionId: position.id,
    accountId: position.accountId,
    status: position.status,
    state: positionExitDisplay(position.status, position.exitRequestedAt !== null),
    underlying: position.underlying,
    expiry: position.expiryDate,
    unrealizedPnlPaise: position.unrealizedPnlPaise,
    realizedPnlPaise: position.realizedPnlPaise,
    netDelta,
    legs: legs.map((l) => ({
      tradingSymbol: l.tradingSymbol,
      optionType: l.instrumentType === 'FUT' ? null : l.instrumentType,
      strike: l.strike,
      side: l.side,
      quantity: l.quantity,
      avgPricePaise: l.avgPricePaise,
      lastPricePaise: l.lastPricePaise,
    })),
    atMs,
  };
}
