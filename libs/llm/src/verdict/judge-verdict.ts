import type { TradeIdea, ValidationRejectCode, ValidationVerdict } from '@mcube/domain';

/** The gate's judgement of a schema-valid verdict. */
export interface VerdictJudgement {
  readonly passed: boolean;
  readonly rejectCode: ValidationRejectCode | null;
  readonly reason: string;
}

/**
 * The same gate for every validator: REJECT → MODEL_REJECTED; an APPROVE in the other direction
 * than the screener's → DIRECTION_CONTRADICTION; confidence below `minConfidence` →
 * LOW_CONFIDENCE; otherwise passed. A pass is advice: a person still approves the order.
 */
export function judgeVerdict(verdict: ValidationVerdict, idea: TradeIdea, minConfidence: number): VerdictJudgement {
  const first = verdict.reasons[0] ?? '';
  if (verdict.verdict === 'REJECT') return { passed: false, rejectCode: 'MODEL_REJECTED', reason: `the validator rejected the ${idea.direction}: ${first}` };
  if (verdict.direction !== idea.direction) {
    return { passed: false, rejectCode: 'DIRECTION_CONTRADICTION', reason: `the validator approved a ${verdict.direction}, the screener proposed a ${idea.direction}` };
  }
  if (!(verdict.confidence >= minConfidence)) {
    return { passed: false, rejectCode: 'LOW_CONFIDENCE', reason: `confidence ${verdict.confidence} is below the minimum ${minConfidence}` };
  }
  return { passed: true, rejectCode: null, reason: `approved ${idea.direction} at confidence ${verdict.confidence}: ${first}` };
}
