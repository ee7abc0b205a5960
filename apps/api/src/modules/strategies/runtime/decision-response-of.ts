import type { DecisionResponse } from '@mcube/contracts';
import type { DecisionJournalEntry } from '../entities/decision-journal-entry.entity';

/** The REST/WS shape of a stored decision. */
export function decisionResponseOf(row: DecisionJournalEntry): DecisionResponse {
  return {
    id: row.id,
    accountId: row.accountId,
    strategyType: row.strategyType,
    kind: row.kind === 'AVERAGE' ? 'ADJUST' : row.kind,
    decision: row.decision,
    reasonCode: row.reasonCode,
    reason: row.reason,
    positionId: row.positionId,
    inputs: row.inputs,
    occurredAtMs: row.occurredAt.getTime(),
  };
}
