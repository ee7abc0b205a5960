import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * Orders go out only inside the exchange session, exits included (the exchange would
 * refuse them): OUTSIDE_MARKET_HOURS when `ctx.withinSession` is false. The caller decides
 * `withinSession` from the market calendar (holidays, dated session hours), so this check
 * carries no calendar of its own.
 */
export const marketHoursRiskCheck: RiskCheck = (intent, ctx) => {
  if (ctx.withinSession) return RISK_OK;
  return riskDenied('OUTSIDE_MARKET_HOURS', `outside market hours at ${ctx.date} ${ctx.time} IST`, {
    date: ctx.date,
    time: ctx.time,
    segment: intent.segment,
  });
};
