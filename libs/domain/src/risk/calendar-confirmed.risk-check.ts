import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * No new risk on a guess (DECISIONS §6, calendar horizon): CALENDAR_UNCONFIRMED for any
 * non-reducing order when today's holidays are not known (a day past the calendar's horizon)
 * or the contract's expiry is only assumed (computed from the dated rules over unknown days,
 * with no instrument master to vouch for it). Exits and reductions always pass: monitoring and
 * exits never depend on the horizon. The caller computes both facts from the calendar.
 */
export const calendarConfirmedRiskCheck: RiskCheck = (intent, ctx) => {
  if (isReducingOrder(intent)) return RISK_OK;
  const { dateConfirmed, expiryConfirmed, horizon } = ctx.calendar;
  if (dateConfirmed && expiryConfirmed) return RISK_OK;
  const what = !dateConfirmed ? `today ${ctx.date}` : `expiry ${intent.instrument.expiry}`;
  return riskDenied('CALENDAR_UNCONFIRMED', `${what} is past the NSE calendar's known horizon ${horizon ?? '(none)'}: enter the next year's holidays before new entries`, {
    date: ctx.date,
    expiry: intent.instrument.expiry,
    dateConfirmed,
    expiryConfirmed,
    horizon: horizon ?? 'none',
  });
};
