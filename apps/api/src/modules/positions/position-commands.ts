import type { EntityManager } from 'typeorm';
import { Position } from './entities/position.entity';

/**
 * The positions module's writes of `positions` that the strategies command (their stop and
 * target, their exit request), always in the caller's transaction. (The order path's commands
 * are in `ledger/position-ledger.ts`.)
 */

/** A strategy's stop, target and averaging count on its position (paise). */
export interface PositionRiskLevels {
  readonly stopLossPricePaise: number;
  readonly targetPricePaise: number;
  readonly averagingCount: number;
}

/** Stores the strategy's risk levels on the position. */
export async function setRiskLevels(m: EntityManager, positionId: number, levels: PositionRiskLevels): Promise<void> {
  await m.update(Position, positionId, { ...levels });
}

/**
 * Stores a strategy's exit of its position (owner STRATEGY, the reason code cut to 40
 * characters, the first request's time kept), unless the position is not ACTIVE or a person or
 * the breaker owns its exit.
 */
export async function requestStrategyExit(m: EntityManager, positionId: number, reasonCode: string, at: Date): Promise<void> {
  const position = await m.findOne(Position, { where: { id: positionId } });
  if (!position || position.status !== 'ACTIVE' || (position.exitOwner !== null && position.exitOwner !== 'STRATEGY')) return;
  await m.update(Position, positionId, { exitOwner: 'STRATEGY', exitReason: reasonCode.slice(0, 40), exitRequestedAt: position.exitRequestedAt ?? at });
}
