import { accountActiveRiskCheck } from './account-active.risk-check';
import { circuitBreakerRiskCheck } from './circuit-breaker.risk-check';
import type { RiskCheckedOrder } from '../orders/risk-checked-order';
import type { RiskCheck, RiskDenial } from './risk-check-result';
import type { RiskContext } from './risk-context';
import { effectiveTradingState, type EffectiveTradingState } from './trading-state';
import { tradingStateRiskCheck } from './trading-state.risk-check';

/** The checks of `runRiskChecks` that depend only on the account's state, in the same order. */
const ACCOUNT_STATE_CHECKS: readonly RiskCheck[] = [tradingStateRiskCheck, accountActiveRiskCheck, circuitBreakerRiskCheck];

/** What those checks read of an order. */
export type AccountStateIntent = Pick<RiskCheckedOrder, 'accountId' | 'broker' | 'purpose' | 'reducesPosition'>;

/** What they read of the context. */
export type AccountStateContext = Pick<RiskContext, 'tradingState' | 'reconciliation' | 'breakerTripped'> & { readonly account: Omit<RiskContext['account'], 'requiresApproval'> };

/**
 * The first denial of the account-state checks (kill switch, reconciliation, account active,
 * breaker), or undefined: the order side of the model whose reporting side is
 * `effectiveTradingStateOf`. A pre-check that knows only the account and the purpose passes
 * `reducesPosition: true` for an exit or adjustment, so that only what refuses EVERY such
 * order (HALTED) is refused early; the gateway decides the rest.
 */
export function accountStateDenial(intent: AccountStateIntent, context: AccountStateContext): RiskDenial | undefined {
  for (const check of ACCOUNT_STATE_CHECKS) {
    // These checks read only the fields picked above (see each check's source).
    const result = check(intent as RiskCheckedOrder, context as RiskContext);
    if (!result.ok) return result;
  }
  return undefined;
}

/** The effective state (and its causes) of the same facts. */
export function effectiveTradingStateOf(context: AccountStateContext): EffectiveTradingState {
  return effectiveTradingState({
    killSwitch: context.tradingState,
    reconciliation: context.reconciliation ?? 'RECONCILED',
    breakerTripped: context.breakerTripped,
    accountActive: context.account.active,
  });
}
