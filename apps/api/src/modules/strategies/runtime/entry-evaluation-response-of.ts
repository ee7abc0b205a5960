import type { EntryEvaluationResponse } from '@mcube/contracts';
import type { EntryEvaluation } from '@mcube/strategy-kotak-strangle';

/** The REST shape of the strategy's full entry evaluation (`evaluation` kept whole as JSON). */
export function entryEvaluationResponseOf(accountId: number, ev: EntryEvaluation): EntryEvaluationResponse {
  return {
    accountId,
    decision: ev.decision,
    reasonCode: ev.reasonCode,
    reason: ev.reason,
    evaluatedAtMs: ev.evaluatedAtMs,
    filters: (ev.filters?.filters ?? []).map((f) => ({ name: f.name, passed: f.passed, values: { ...f.values }, message: f.message })),
    expiry: ev.expiry?.expiry ?? null,
    callStrike: ev.strikes?.callStrike ?? null,
    putStrike: ev.strikes?.putStrike ?? null,
    callPremium: ev.premium?.call.limitPrice ?? null,
    putPremium: ev.premium?.put.limitPrice ?? null,
    lots: ev.sizing?.lots ?? null,
    quantity: ev.sizing?.quantity ?? null,
    evaluation: JSON.parse(JSON.stringify(ev)) as Record<string, unknown>,
  };
}
