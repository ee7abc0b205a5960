import type { FuturesDecisionJournal, FuturesDecisionRecord } from '@mcube/strategy-icici-futures';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { DecisionJournalEntry } from '../entities/decision-journal-entry.entity';
import { decisionResponseOf } from '../runtime/decision-response-of';
import { ICICI_STRATEGY_TYPE } from './gateway-futures-orders';

/**
 * The ICICI strategy's journal over the `decision_journal` table (strategy LLM_VALIDATED_FUTURES),
 * each entry pushed as `decision.recorded`. The strategy's position ids are the gateway's for an
 * open position (kept in `position_id`); an entry's planned id is kept in `inputs.strategyPositionId`.
 */
export class DbFuturesJournal implements FuturesDecisionJournal {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: AppEventsBus,
  ) {}

  async record(entry: FuturesDecisionRecord): Promise<void> {
    const numeric = entry.positionId !== undefined && /^\d+$/.test(entry.positionId) ? Number(entry.positionId) : null;
    const inputs: Record<string, unknown> = entry.positionId !== undefined && numeric === null ? { ...entry.inputs, strategyPositionId: entry.positionId } : { ...entry.inputs };
    const clientOrderId = typeof inputs['clientOrderId'] === 'string' ? (inputs['clientOrderId'] as string).slice(0, 64) : null;
    const row = await inTransaction(this.dataSource, (m) =>
      m.save(
        m.create(DecisionJournalEntry, {
          accountId: Number(entry.accountId),
          strategyType: ICICI_STRATEGY_TYPE,
          kind: entry.kind,
          decision: entry.decision.slice(0, 60),
          reasonCode: entry.reasonCode ? entry.reasonCode.slice(0, 60) : null,
          reason: entry.message,
          inputs: JSON.parse(JSON.stringify(inputs)) as Record<string, unknown>,
          positionId: numeric,
          clientOrderId,
          occurredAt: new Date(entry.occurredAt),
        }),
      ),
    );
    this.bus.publish('decision.recorded', decisionResponseOf(row));
  }
}
