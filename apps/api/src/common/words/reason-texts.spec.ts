import { DECISION_REASON_TEXTS, FILTER_NAME_TEXTS, reasonText, RISK_DENIAL_TEXTS } from '@mcube/contracts';
import type { RiskDenialCode, StrangleExitCode, StrangleFilterName } from '@mcube/domain';
import type { FuturesEntryReasonCode, FuturesExitCode, FuturesHoldCode, ScreenDropCode } from '@mcube/strategy-icici-futures';
import type { EntryFailureCode, EntryReasonCode } from '@mcube/strategy-kotak-strangle';

// Compile-time exhaustiveness: adding a code to the domain or a strategy without a sentence
// in @mcube/contracts fails the typecheck of this file (and so this test run).
type Plain<T> = T extends `FILTER_FAILED:${string}` ? never : T;
const riskTexts: Record<RiskDenialCode, string> = RISK_DENIAL_TEXTS;
// …and the reverse: a sentence for a code the domain does not have fails too.
type Exactly<A extends string, B extends A> = [A] extends [B] ? true : never;
const sameRiskCodes: Exactly<keyof typeof RISK_DENIAL_TEXTS, RiskDenialCode> = true;
type DecisionCode = Plain<EntryReasonCode> | EntryFailureCode | StrangleExitCode | FuturesExitCode | FuturesHoldCode | FuturesEntryReasonCode | ScreenDropCode;
const decisionTexts: Record<DecisionCode, string> = DECISION_REASON_TEXTS;
const filterTexts: Record<StrangleFilterName, string> = FILTER_NAME_TEXTS;

describe('reason texts cover every code', () => {
  it('has a sentence for every risk-denial code and no code the domain does not have', () => {
    expect(sameRiskCodes).toBe(true);
    for (const code of Object.keys(riskTexts)) expect(reasonText(code)).toMatch(/^[A-Z].{8,}\.$/);
  });

  it('has a sentence for every decision code of both strategies', () => {
    for (const code of Object.keys(decisionTexts)) expect(reasonText(code)).toMatch(/^[A-Z].{8,}\.$/);
  });

  it('reads every failed entry filter in words', () => {
    for (const name of Object.keys(filterTexts)) expect(reasonText(`FILTER_FAILED:${name}`)).toBe(`Entry filter failed: ${filterTexts[name as StrangleFilterName]}.`);
  });
});
