import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * How far from spot a test order's strike must be: 10%. NIFTY rarely moves 10% in a month, so
 * an option that far out of the money is worth a few paise at most and a BUY at the minimum
 * tick cannot fill at a price that matters (and if it ever did, the loss is one lot × ₹0.05).
 */
export const TEST_ORDER_MIN_OTM_FRACTION = 0.1;

/**
 * `broker:check --place-test-order`'s order (purpose TEST_ORDER) must be exactly the harmless
 * shape: one lot, BUY, LIMIT at the minimum tick (₹0.05), of an option whose strike is at least
 * 10% out of the money from the spot the gateway read (a CE at or above spot × 1.1, a PE at or
 * below spot × 0.9). Anything else, or no spot to measure from, is TEST_ORDER_INVALID. Other
 * purposes pass. The kill switch, market hours and the account's checks still apply to it (the
 * other checks); the one-position and entry-shape rules do not (it is not an ENTRY).
 */
export const testOrderRiskCheck: RiskCheck = (intent, ctx) => {
  if (intent.purpose !== 'TEST_ORDER') return RISK_OK;
  const deny = (why: string) => riskDenied('TEST_ORDER_INVALID', `a test order ${why}`, { purpose: 'TEST_ORDER', side: intent.side, quantity: intent.quantity, limitPrice: intent.limitPrice ?? 'none' });
  if (intent.side !== 'BUY') return deny('must be a BUY');
  const tick = ctx.instrument.tickSize;
  if (intent.orderType !== 'LIMIT' || intent.limitPrice === undefined || Math.abs(intent.limitPrice - tick) > 1e-9) return deny(`must be a LIMIT at the minimum tick ₹${tick.toFixed(2)}`);
  if (intent.quantity !== ctx.instrument.lotSize) return deny(`must be exactly one lot (${ctx.instrument.lotSize} units)`);
  const { kind, strike, optionType } = intent.instrument;
  if (kind !== 'OPT' || strike === undefined || optionType === undefined) return deny('must be an option');
  const spot = intent.underlyingSpot;
  if (spot === undefined || !(spot > 0)) return deny(`needs the ${intent.instrument.underlying} spot to prove it is far out of the money, and none was read`);
  const distance = optionType === 'CE' ? strike / spot - 1 : 1 - strike / spot;
  if (distance + 1e-9 < TEST_ORDER_MIN_OTM_FRACTION) return deny(`must be at least ${TEST_ORDER_MIN_OTM_FRACTION * 100}% out of the money: ${strike} ${optionType} is ${(distance * 100).toFixed(1)}% from spot ${spot}`);
  return RISK_OK;
};
