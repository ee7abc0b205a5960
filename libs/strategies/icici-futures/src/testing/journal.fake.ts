import type { AlertMessage } from '@mcube/domain';
import type { FuturesAlertSink } from '../ports/alert-sink.port';
import type { FuturesDecisionJournal, FuturesDecisionRecord } from '../ports/decision-journal.port';

/** A decision journal in memory; keeps a JSON round-trip of each record so non-serialisable inputs fail fast. */
export class InMemoryFuturesJournal implements FuturesDecisionJournal {
  readonly records: FuturesDecisionRecord[] = [];

  async record(entry: FuturesDecisionRecord): Promise<void> {
    this.records.push(JSON.parse(JSON.stringify(entry)) as FuturesDecisionRecord);
  }

  /** Records with this decision, in order. */
  decisions(decision: string): FuturesDecisionRecord[] {
    return this.records.filter((r) => r.decision === decision);
  }
}

/** An alert sink that keeps what it was given. */
export class RecordingFuturesAlerts implements FuturesAlertSink {
  readonly alerts: AlertMessage[] = [];

  async raise(message: AlertMessage): Promise<void> {
    this.alerts.push(message);
  }
}
