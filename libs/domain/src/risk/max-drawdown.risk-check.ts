import { DomainError } from '../errors/domain-error';
import { assertPaise, fractionOfPaise } from '../money/paise';
import { assertFinite } from '../validation/assert';
import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * No new risk once equity has fallen more than `maxDrawdownPct` (15%) below its peak:
 * MAX_DRAWDOWN_BREACHED when peak − equity > pct × peak. A drawdown of exactly 15% passes.
 * The threshold is computed exactly in paise (no float error at the boundary). Reducing
 * orders pass. Throws INVALID_ARGUMENT for amounts that are not whole paise, a peak ≤ 0 or
 * a pct outside [0, 1].
 */
export const maxDrawdownRiskCheck: RiskCheck = (intent, ctx) => {
  if (isReducingOrder(intent)) return RISK_OK;
  const { equityPeakPaise: peak, equityPaise: equity } = ctx.pnl;
  const pct = ctx.limits.maxDrawdownPct;
  assertPaise('pnl.equityPeakPaise', peak);
  assertPaise('pnl.equityPaise', equity);
  assertFinite('maxDrawdownPct', pct);
  if (peak <= 0) throw new DomainError('INVALID_ARGUMENT', `equity peak must be > 0 paise, got ${peak}`);
  if (pct < 0 || pct > 1) throw new DomainError('INVALID_ARGUMENT', `maxDrawdownPct must be in [0, 1], got ${pct}`);
  const drop = peak - equity;
  const allowed = fractionOfPaise(peak, pct);
  if (drop <= allowed) return RISK_OK;
  return riskDenied('MAX_DRAWDOWN_BREACHED', `drawdown ${drop} paise from the peak ${peak} exceeds ${pct * 100}%`, {
    drawdownPaise: drop,
    equityPeakPaise: peak,
    maxDrawdownPct: pct,
  });
};
