import { And, Between, In, IsNull, LessThan, MoreThan, MoreThanOrEqual, Not, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { StrategyType } from '@mcube/contracts';
import { MonitorLog } from './entities/monitor-log.entity';
import { PositionLeg } from './entities/position-leg.entity';
import { Position } from './entities/position.entity';

/**
 * The positions module's small reads of `positions`, `position_legs` and `monitor_logs` for
 * other modules (analytics' P&L, trades and reports, the strategies' views, the backtest drift,
 * the Telegram bot), so that they never import its entities. Each runs on the given source:
 * inside the caller's transaction when given its manager. (The order path's own reads are in
 * `ledger/position-reads.ts`.)
 */

/** A position row as other modules see it: read-only, never saved back by them (`position-commands.ts` writes). */
export type PositionFacts = Readonly<Position>;
/** A position's leg, read-only. */
export type PositionLegFacts = Readonly<PositionLeg>;

type Source = DataSource | EntityManager;

/** One position, or null when there is no such position. */
export function positionById(source: Source, positionId: number): Promise<PositionFacts | null> {
  return source.getRepository(Position).findOne({ where: { id: positionId } });
}

/** The account's ACTIVE position (one at most: the one-active index), or null. */
export function activePositionOf(source: Source, accountId: number): Promise<PositionFacts | null> {
  return source.getRepository(Position).findOne({ where: { accountId, status: 'ACTIVE' } });
}

/** The ACTIVE positions, of one account or of all, in id order. */
export function activePositions(source: Source, accountId?: number): Promise<PositionFacts[]> {
  return source.getRepository(Position).find({ where: { status: 'ACTIVE', ...(accountId === undefined ? {} : { accountId }) }, order: { id: 'ASC' } });
}

/** Every CLOSED position, in id order. */
export function closedPositions(source: Source): Promise<PositionFacts[]> {
  return source.getRepository(Position).find({ where: { status: 'CLOSED' }, order: { id: 'ASC' } });
}

/** The account's positions CLOSED at or after `from` and before `before`, in id order. */
export function positionsClosedBetween(source: Source, accountId: number, from: Date, before: Date): Promise<PositionFacts[]> {
  return source.getRepository(Position).find({ where: { accountId, status: 'CLOSED', closedAt: And(MoreThanOrEqual(from), LessThan(before)) }, order: { id: 'ASC' } });
}

/** The CLOSED positions that filled (quantity above 0) and closed within [from, to] (inclusive), of one account or all, by close time then id. */
export function filledPositionsClosedWithin(source: Source, from: Date, to: Date, accountId?: number | null): Promise<PositionFacts[]> {
  const where: FindOptionsWhere<Position> = { status: 'CLOSED', quantity: MoreThan(0), closedAt: Between(from, to), ...(accountId ? { accountId } : {}) };
  return source.getRepository(Position).find({ where, order: { closedAt: 'ASC', id: 'ASC' } });
}

/** The account's CLOSED positions opened within [from, to] (inclusive), by open time. */
export function closedPositionsOpenedWithin(source: Source, accountId: number, from: Date, to: Date): Promise<PositionFacts[]> {
  return source.getRepository(Position).find({ where: { accountId, status: 'CLOSED', openedAt: Between(from, to) }, order: { openedAt: 'ASC' } });
}

/** The newest `limit` CLOSED positions of a strategy, newest (highest id) first. */
export function latestClosedPositionsOf(source: Source, strategyType: StrategyType, limit: number): Promise<PositionFacts[]> {
  return source.getRepository(Position).find({ where: { strategyType, status: 'CLOSED' }, order: { id: 'DESC' }, take: limit });
}

/** Every leg (open or closed) of one position, in id order. */
export function legsOfPosition(source: Source, positionId: number): Promise<PositionLegFacts[]> {
  return source.getRepository(PositionLeg).find({ where: { positionId }, order: { id: 'ASC' } });
}

/** The OPEN legs of one position (in no particular order). */
export function openLegsOfPosition(source: Source, positionId: number): Promise<PositionLegFacts[]> {
  return source.getRepository(PositionLeg).find({ where: { positionId, status: 'OPEN' } });
}

/** Every leg of these positions, in id order. */
export function legsOfPositions(source: Source, positionIds: readonly number[]): Promise<PositionLegFacts[]> {
  return source.getRepository(PositionLeg).find({ where: { positionId: In([...positionIds]) }, order: { id: 'ASC' } });
}

/** The position monitor's latest computed net delta of a position; null while it has computed none (no greeks). */
export async function latestNetDeltaOf(source: Source, positionId: number): Promise<number | null> {
  const log = await source.getRepository(MonitorLog).findOne({ where: { positionId, netDelta: Not(IsNull()) }, order: { occurredAt: 'DESC', id: 'DESC' } });
  return log?.netDelta ?? null;
}
