import type { AlertSeverity } from '@mcube/domain';
import type { IciciFuturesConfig } from './config/icici-futures.config';
import type { FuturesDecisionKind } from './ports/decision-journal.port';
import type { IciciFuturesDeps } from './ports/strategy-deps';

/** What the strategy's parts share: the ports, the settings, and the journal/alert helpers. */
export interface StrategyContext {
  readonly deps: IciciFuturesDeps;
  readonly config: IciciFuturesConfig;
  record(kind: FuturesDecisionKind, decision: string, reasonCode: string, message: string, inputs: Record<string, unknown>, nowMs: number, positionId?: string): Promise<void>;
  alert(severity: AlertSeverity, title: string, body: string, nowMs: number, dedupKey: string): Promise<void>;
}

/** Builds the context over the deps: journal records carry the strategy and account, alerts the account. */
export function strategyContext(deps: IciciFuturesDeps, config: IciciFuturesConfig): StrategyContext {
  return {
    deps,
    config,
    record: (kind, decision, reasonCode, message, inputs, occurredAt, positionId) =>
      deps.journal.record({ kind, strategy: 'ICICI_FUTURES', accountId: config.accountId, positionId, decision, reasonCode, message, inputs, occurredAt }),
    alert: (severity, title, body, occurredAtMs, dedupKey) => deps.alerts.raise({ severity, title, body, dedupKey, accountId: config.accountId, occurredAtMs }),
  };
}
