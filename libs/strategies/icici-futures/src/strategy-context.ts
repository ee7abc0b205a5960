import type { AlertSeverity } from '@mcube/domain';
import type { IciciFuturesConfig } from './config/icici-futures.config';
import { DayMarks } from './execution/day-marks';
import type { IciciFuturesSnapshot } from './execution/futures-snapshot';
import { FuturesStateSaver } from './execution/state-saver';
import type { FuturesDecisionKind } from './ports/decision-journal.port';
import type { IciciFuturesDeps } from './ports/strategy-deps';

/** What the strategy's parts share: the ports, the settings, the day's marks, the state saver and the journal/alert helpers. */
export interface StrategyContext {
  readonly deps: IciciFuturesDeps;
  readonly config: IciciFuturesConfig;
  /** What was done once today (stored with the snapshot). */
  readonly marks: DayMarks;
  /** Stores the strategy's snapshot when it changed; called before acting on a change. */
  readonly saver: FuturesStateSaver;
  record(kind: FuturesDecisionKind, decision: string, reasonCode: string, message: string, inputs: Record<string, unknown>, nowMs: number, positionId?: string): Promise<void>;
  alert(severity: AlertSeverity, title: string, body: string, nowMs: number, dedupKey: string): Promise<void>;
}

/**
 * Builds the context over the deps: journal records carry the strategy and account, alerts the
 * account; the saver stores `snapshot()` (the whole strategy's, read when saving).
 */
export function strategyContext(deps: IciciFuturesDeps, config: IciciFuturesConfig, snapshot: () => IciciFuturesSnapshot): StrategyContext {
  return {
    deps,
    config,
    marks: new DayMarks(),
    saver: new FuturesStateSaver(deps.state, snapshot),
    record: (kind, decision, reasonCode, message, inputs, occurredAt, positionId) =>
      deps.journal.record({ kind, strategy: 'ICICI_FUTURES', accountId: config.accountId, positionId, decision, reasonCode, message, inputs, occurredAt }),
    alert: (severity, title, body, occurredAtMs, dedupKey) => deps.alerts.raise({ severity, title, body, dedupKey, accountId: config.accountId, occurredAtMs }),
  };
}
