import type { AlertMessage } from '@mcube/domain';
import type { AlertSink } from '../ports/alert-sink.port';
import type { DecisionJournal, DecisionRecord } from '../ports/decision-journal.port';

/** A decision journal in memory; stores a JSON round-trip of each record so non-serialisable inputs fail fast. */
export class InMemoryDecisionJournal implements DecisionJournal {
  readonly records: DecisionRecord[] = [];

  async record(entry: DecisionRecord): Promise<void> {
    this.records.push(JSON.parse(JSON.stringify(entry)) as DecisionRecord);
  }

  /** Records of one kind, in order. */
  ofKind(kind: DecisionRecord['kind']): DecisionRecord[] {
    return this.records.filter((r) => r.kind === kind);
  }
}

/** An alert sink that keeps what it was given. */
export class RecordingAlertSink implements AlertSink {
  readonly alerts: AlertMessage[] = [];

  async raise(message: AlertMessage): Promise<void> {
    this.alerts.push(message);
  }
}
