import { DomainError } from '../errors/domain-error';
import { assertPaise, notionalPaise, Paise, paiseOfPrice } from '../money/paise';
import { assertInteger, assertNonNegative } from '../validation/assert';

/** Inputs of {@link validatePremium}. Option prices in rupees (points). */
export interface ValidatePremiumInput {
  readonly callPremium: number;
  readonly putPremium: number;
  readonly lotSize: number;
  readonly lots: number;
  /** Minimum premium of one lot of the strangle (call + put) × lot size, paise. */
  readonly minPremiumPerLotPaise?: Paise;
  /** Minimum call + put premium in points; default 0 (the plan gives no figure). */
  readonly minCombinedPremium?: number;
}

/** Result of {@link validatePremium}. */
export interface PremiumValidation {
  readonly ok: boolean;
  readonly reason: string;
  /** call + put, points. */
  readonly combinedPremium: number;
  /** (call + put) × lot size, paise. */
  readonly premiumPerLotPaise: Paise;
  /** Premium the whole position would collect, paise. */
  readonly totalPremiumPaise: Paise;
}

/**
 * Premium check before a strangle entry (plan phase 2 "Premium validation"). Fails when
 * either leg has no price (0), when call + put is below `minCombinedPremium`, or when one
 * lot's premium is below `minPremiumPerLotPaise`; both minimums apply when both are given.
 * Amounts go through integer paise (`notionalPaise`), never float money.
 *
 * @throws DomainError INVALID_ARGUMENT for negative/NaN prices, bad lot size or lots, or
 * negative minimums.
 */
export function validatePremium(input: ValidatePremiumInput): PremiumValidation {
  const { callPremium, putPremium, lotSize, lots } = input;
  const minCombined = input.minCombinedPremium ?? 0;
  assertNonNegative('callPremium', callPremium);
  assertNonNegative('putPremium', putPremium);
  assertInteger('lotSize', lotSize, { min: 1 });
  assertInteger('lots', lots, { min: 1 });
  assertNonNegative('minCombinedPremium', minCombined);
  if (input.minPremiumPerLotPaise !== undefined) {
    assertPaise('minPremiumPerLotPaise', input.minPremiumPerLotPaise);
    if (input.minPremiumPerLotPaise < 0) throw new DomainError('INVALID_ARGUMENT', 'minPremiumPerLotPaise must not be negative');
  }
  const callPerLot = notionalPaise(callPremium, lotSize);
  const putPerLot = notionalPaise(putPremium, lotSize);
  const premiumPerLotPaise = callPerLot + putPerLot;
  const combinedPaisePerUnit = paiseOfPrice(callPremium) + paiseOfPrice(putPremium);
  const combinedPremium = combinedPaisePerUnit / 100;
  const base = { combinedPremium, premiumPerLotPaise, totalPremiumPaise: premiumPerLotPaise * lots };
  const rupees = (p: number) => `₹${(p / 100).toFixed(2)}`;

  if (callPerLot === 0 || putPerLot === 0) {
    return { ok: false, reason: `A leg has no premium (call ${callPremium}, put ${putPremium})`, ...base };
  }
  if (combinedPaisePerUnit < paiseOfPrice(minCombined)) {
    return { ok: false, reason: `Combined premium ${combinedPremium} below minimum ${minCombined}`, ...base };
  }
  if (input.minPremiumPerLotPaise !== undefined && premiumPerLotPaise < input.minPremiumPerLotPaise) {
    return { ok: false, reason: `Premium per lot ${rupees(premiumPerLotPaise)} below minimum ${rupees(input.minPremiumPerLotPaise)}`, ...base };
  }
  return { ok: true, reason: `Premium acceptable: ${combinedPremium} points, ${rupees(premiumPerLotPaise)} per lot`, ...base };
}
