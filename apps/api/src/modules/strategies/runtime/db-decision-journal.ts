import type { DecisionJournal, DecisionRecord } from '@mcube/strategy-kotak-strangle';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { DecisionJournalEntry } from '../entities/decision-journal-entry.entity';
import { decisionResponseOf } from './decision-response-of';
import type { StrategyPositionIds } from './strategy-position-ids';

/**
 * The strategy's journal over the `decision_journal` table (append-only), pushing each stored
 * entry to the console as `decision.recorded`. The strategy's own position id is mapped to the
 * gateway's when known; when it is not (the ENTER decision is taken before the first leg
 * reserves a position) it is kept in `inputs.strategyPositionId`, so the entry can still be
 * matched with what followed.
 */
export class DbDecisionJournal implements DecisionJournal {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: AppEventsBus,
    private readonly positionIds: StrategyPositionIds,
  ) {}

  async record(entry: DecisionRecord): Promise<void> {
    const positionId = (await this.positionIds.gatewayIdOf(entry.positionId)) ?? null;
    const inputs = entry.positionId !== undefined && String(positionId) !== entry.positionId ? { ...entry.inputs, strategyPositionId: entry.positionId } : { ...entry.inputs };
    // In its own queued transaction: on SQLite a bare save would join another job's open transaction and vanish with its rollback.
    const row = await inTransaction(this.dataSource, (m) =>
      m.save(
        m.create(DecisionJournalEntry, {
        accountId: Number(entry.accountId),
        strategyType: 'WEEKLY_NIFTY_STRANGLE',
        kind: entry.kind,
        decision: entry.decision.slice(0, 60),
        reasonCode: entry.reasonCode ? entry.reasonCode.slice(0, 60) : null,
        reason: entry.message,
        // A JSON round-trip: what is stored is exactly what the API returns later.
        inputs: JSON.parse(JSON.stringify(inputs)) as Record<string, unknown>,
        positionId,
        clientOrderId: null,
        occurredAt: new Date(entry.occurredAt),
        }),
      ),
    );
    this.bus.publish('decision.recorded', decisionResponseOf(row));
  }
}
