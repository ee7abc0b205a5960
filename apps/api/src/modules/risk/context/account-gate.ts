import { accountActiveRiskCheck, circuitBreakerRiskCheck, tradingStateRiskCheck, type OrderIntent, type RiskCheck, type RiskContext, type RiskDenial } from '@mcube/domain';

/** The domain checks that depend only on the account, never on the order's contract, size or price (kill switch, active, breaker). */
const ACCOUNT_CHECKS: readonly RiskCheck[] = [tradingStateRiskCheck, accountActiveRiskCheck, circuitBreakerRiskCheck];

/** What the account checks read of an intent. */
export type AccountGateIntent = Pick<OrderIntent, 'accountId' | 'broker' | 'purpose' | 'reducesPosition'>;

/** What they read of the context (see `RiskContextService.gatherAccountGate`). */
export type AccountGateContext = Pick<RiskContext, 'tradingState' | 'account' | 'breakerTripped'>;

/**
 * The first denial of the account-level checks of `runRiskChecks` (the same domain functions,
 * in the same order), or undefined. For a pre-check that knows only the account and the
 * purpose: pass `reducesPosition: true` for an exit or adjustment so that only what denies
 * EVERY such order (HALTED, or REDUCING for new risk) is refused here.
 */
export function accountGateDenial(intent: AccountGateIntent, context: AccountGateContext): RiskDenial | undefined {
  for (const check of ACCOUNT_CHECKS) {
    // These three checks read only the fields picked above (see each check's source).
    const result = check(intent as OrderIntent, context as RiskContext);
    if (!result.ok) return result;
  }
  return undefined;
}
