import type { RiskCheckedOrder } from '../orders/risk-checked-order';
import type { RiskContext } from './risk-context';
import type { RiskDenialCode } from './risk-denial-code';

/** `key=value` facts explaining a denial (limit, actual value…), stored with it. */
export type RiskDenialContext = Readonly<Record<string, string | number | boolean>>;

/** A refusal: a result, not an exception (STYLE §3.3). */
export interface RiskDenial {
  readonly ok: false;
  readonly code: RiskDenialCode;
  readonly message: string;
  readonly context: RiskDenialContext;
}

/** The outcome of one risk check. */
export type RiskCheckResult = { readonly ok: true } | RiskDenial;

/** One pure risk check. Returns a denial for a rule broken; throws DomainError only for malformed context (NaN, fractional paise). */
export type RiskCheck = (intent: RiskCheckedOrder, ctx: RiskContext) => RiskCheckResult;

/** The shared "passed" result: checks return this constant so a pass allocates nothing. */
export const RISK_OK: RiskCheckResult = Object.freeze({ ok: true as const });

/** Builds a denial (allocates only on the failure path). */
export function riskDenied(code: RiskDenialCode, message: string, context: RiskDenialContext): RiskDenial {
  return { ok: false, code, message, context };
}
