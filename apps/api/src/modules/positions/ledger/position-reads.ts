import { In, type EntityManager } from 'typeorm';
import { PositionLeg } from '../entities/position-leg.entity';
import { Position } from '../entities/position.entity';

/**
 * The positions tables' reads of the order path (issue 13: the positions module owns its
 * tables): the account of a position (the order gate), the count of ACTIVE positions (the
 * live switch), the ACTIVE positions' legs (reconciliation).
 */

/** The account a position belongs to, or undefined when there is no such position. */
export async function accountOfPosition(manager: EntityManager, positionId: number): Promise<number | undefined> {
  const position = await manager.findOne(Position, { where: { id: positionId }, select: { id: true, accountId: true } });
  return position?.accountId;
}

/** How many ACTIVE positions the account has. */
export function activePositionCount(manager: EntityManager, accountId: number): Promise<number> {
  return manager.count(Position, { where: { accountId, status: 'ACTIVE' } });
}

/** A leg of an ACTIVE position, as reconciliation compares it with the broker's net position. */
export type ActiveLeg = Pick<PositionLeg, 'underlying' | 'expiryDate' | 'strike' | 'instrumentType' | 'tradingSymbol' | 'side' | 'quantity'>;

/** Every leg (open or closed) of the account's ACTIVE positions. */
export async function legsOfActivePositions(manager: EntityManager, accountId: number): Promise<ActiveLeg[]> {
  const active = await manager.find(Position, { where: { accountId, status: 'ACTIVE' } });
  if (active.length === 0) return [];
  return manager.find(PositionLeg, { where: { positionId: In(active.map((p) => p.id)) } });
}
