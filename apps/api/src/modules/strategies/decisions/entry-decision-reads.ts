import { In, type EntityManager } from 'typeorm';
import { DecisionJournalEntry } from '../entities/decision-journal-entry.entity';
import { StrategyPositionLink } from '../entities/strategy-position-link.entity';

/**
 * The strategies module's reads of its decision journal and position links for analytics'
 * entry facts (what the market was when a strategy entered), so that analytics never imports
 * its entities.
 */

/** A journalled decision as other modules see it: read-only. */
export type DecisionFacts = Readonly<DecisionJournalEntry>;

/** The stored strategy position id of each of these gateway positions that has one. */
export async function strategyIdsOfPositions(m: EntityManager, positionIds: readonly number[]): Promise<Map<string, number>> {
  const links = await m.find(StrategyPositionLink, { where: { positionId: In([...positionIds]) } });
  return new Map(links.map((l) => [l.strategyPositionId, l.positionId]));
}

/** The ENTER decisions (kind ENTRY) of these accounts, in id order. */
export function enterDecisionsOf(m: EntityManager, accountIds: readonly number[]): Promise<DecisionFacts[]> {
  return m.find(DecisionJournalEntry, { where: { kind: 'ENTRY', decision: 'ENTER', accountId: In([...accountIds]) }, order: { id: 'ASC' } });
}
