import type { EntityManager } from 'typeorm';
import { PositionLeg } from '../positions/entities/position-leg.entity';
import type { Position } from '../positions/entities/position.entity';
import type { GatewayIntent } from './gateway-intent';
import { tradingSymbolOf } from './instrument-symbol';

/**
 * Whether the intent only shrinks the active position: an EXIT or ADJUST of that position
 * (same id), on an open leg of the same contract, on the opposite side, for no more than
 * the leg's open quantity. Computed from stored legs, never taken from the caller.
 */
export async function reducesPosition(manager: EntityManager, intent: GatewayIntent, active: Position | null): Promise<boolean> {
  if (intent.purpose !== 'EXIT' && intent.purpose !== 'ADJUST') return false;
  if (!active || intent.positionId !== active.id) return false;
  const leg = await manager.findOne(PositionLeg, { where: { positionId: active.id, tradingSymbol: tradingSymbolOf(intent.instrument), status: 'OPEN' } });
  if (!leg) return false;
  return leg.side !== intent.side && intent.quantity <= leg.quantity;
}
