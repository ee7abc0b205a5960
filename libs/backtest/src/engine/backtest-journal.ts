import type { AlertMessage } from '@mcube/domain';
import { decisionRow, type DecisionRow } from '../report/decision-row';
import type { EngineDecision } from '../strategy/strategy-host';

/**
 * The strategy's decision journal and alert sink in a backtest: every record as a report row;
 * optionally the full record as JSON (the look-ahead check compares those); the exit code of
 * each position (for the trade list); alerts counted by severity.
 */
export class BacktestJournal {
  readonly rows: DecisionRow[] = [];
  readonly fullRecords: string[] = [];
  /** When each row was decided, UTC epoch ms (parallel to `rows`). */
  readonly occurredAts: number[] = [];
  readonly exitReasons = new Map<string, string>();
  readonly alertCounts: Record<string, number> = {};

  constructor(private readonly keepFull: boolean) {}

  async record(entry: EngineDecision): Promise<void> {
    this.rows.push(decisionRow(entry));
    this.occurredAts.push(entry.occurredAt);
    if (this.keepFull) this.fullRecords.push(JSON.stringify(entry));
    if (entry.positionId && !this.exitReasons.has(entry.positionId)) {
      if (entry.decision === 'EXIT') this.exitReasons.set(entry.positionId, entry.reasonCode);
      else if (entry.decision === 'ENTRY_ABORTED') this.exitReasons.set(entry.positionId, `ENTRY_ABORTED:${entry.reasonCode}`);
    }
  }

  async raise(message: AlertMessage): Promise<void> {
    this.alertCounts[message.severity] = (this.alertCounts[message.severity] ?? 0) + 1;
  }
}
