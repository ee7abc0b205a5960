import { accountActiveRiskCheck } from './account-active.risk-check';
import { approvalRiskCheck } from './approval.risk-check';
import { calendarConfirmedRiskCheck } from './calendar-confirmed.risk-check';
import { circuitBreakerRiskCheck } from './circuit-breaker.risk-check';
import { dailyLossRiskCheck } from './daily-loss.risk-check';
import { entryShapeRiskCheck } from './entry-shape.risk-check';
import { expiryRiskCheck } from './expiry.risk-check';
import { freezeQuantityRiskCheck } from './freeze-quantity.risk-check';
import { leverageRiskCheck } from './leverage.risk-check';
import { limitOrderRiskCheck } from './limit-order.risk-check';
import { lotSizeRiskCheck } from './lot-size.risk-check';
import { marginRiskCheck } from './margin.risk-check';
import { marketHoursRiskCheck } from './market-hours.risk-check';
import { maxDrawdownRiskCheck } from './max-drawdown.risk-check';
import { onePositionRiskCheck } from './one-position.risk-check';
import type { RiskCheckedOrder } from '../orders/risk-checked-order';
import { orderQuantityRiskCheck } from './order-quantity.risk-check';
import { perTradeRiskCheck } from './per-trade-risk.risk-check';
import { positionExposureRiskCheck } from './position-exposure.risk-check';
import { profitTargetRiskCheck } from './profit-target.risk-check';
import type { RiskCheck, RiskDenial } from './risk-check-result';
import type { RiskContext } from './risk-context';
import { testOrderRiskCheck } from './test-order.risk-check';
import { tickSizeRiskCheck } from './tick-size.risk-check';
import { totalExposureRiskCheck } from './total-exposure.risk-check';
import { tradingStateRiskCheck } from './trading-state.risk-check';
import { weeklyLossRiskCheck } from './weekly-loss.risk-check';

/**
 * The checks every order goes through, in this fixed order (the first denial is
 * the one shown first):
 *  1. kill switch (trading state)  2. account active  3. circuit breaker  4. market hours
 *  5. quantity  6. LIMIT only  7. lot multiple  8. tick  9. freeze quantity (sliceable)
 * 10. human approval  11. expiry distance  12. calendar confirmed  13. one position
 * 14. entry shape  15. test-order shape  16. profit target  17. daily loss  18. weekly loss
 * 19. drawdown  20. usable margin  21. per-trade risk  22. total exposure  23. position exposure
 * 24. leverage.
 */
export const DEFAULT_RISK_CHECKS: readonly RiskCheck[] = Object.freeze([
  tradingStateRiskCheck,
  accountActiveRiskCheck,
  circuitBreakerRiskCheck,
  marketHoursRiskCheck,
  orderQuantityRiskCheck,
  limitOrderRiskCheck,
  lotSizeRiskCheck,
  tickSizeRiskCheck,
  freezeQuantityRiskCheck,
  approvalRiskCheck,
  expiryRiskCheck,
  calendarConfirmedRiskCheck,
  onePositionRiskCheck,
  entryShapeRiskCheck,
  testOrderRiskCheck,
  profitTargetRiskCheck,
  dailyLossRiskCheck,
  weeklyLossRiskCheck,
  maxDrawdownRiskCheck,
  marginRiskCheck,
  perTradeRiskCheck,
  totalExposureRiskCheck,
  positionExposureRiskCheck,
  leverageRiskCheck,
]);

/** The outcome of all checks: every denial in check order, and the first one. */
export interface RiskCheckReport {
  readonly ok: boolean;
  readonly denials: readonly RiskDenial[];
  readonly firstDenial?: RiskDenial;
}

const PASSED: RiskCheckReport = Object.freeze({ ok: true, denials: Object.freeze([]) as readonly RiskDenial[] });

/**
 * Runs every check (default `DEFAULT_RISK_CHECKS`) on the order, in order, and collects
 * all denials, so a trader sees every reason at once. Passing orders share one frozen
 * report: the hot path allocates nothing (goal: p99 ≤ 50 µs). Throws what a check throws
 * (DomainError for a malformed context); a broken rule is a denial, never an exception.
 */
export function runRiskChecks(intent: RiskCheckedOrder, ctx: RiskContext, checks: readonly RiskCheck[] = DEFAULT_RISK_CHECKS): RiskCheckReport {
  let denials: RiskDenial[] | undefined;
  for (let i = 0; i < checks.length; i++) {
    const result = checks[i](intent, ctx);
    if (!result.ok) (denials ??= []).push(result);
  }
  return denials === undefined ? PASSED : { ok: false, denials, firstDenial: denials[0] };
}
