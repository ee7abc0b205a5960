import { DomainError } from '../errors/domain-error';
import { assertPaise, mulDivPaise, Paise } from '../money/paise';
import { IsoDate } from '../time/ist-date';
import { ChargeRateSet } from './charge-rates.data';
import { chargeRatesOn } from './charge-rates';

/**
 * STT on a long option exercised at expiry, on its intrinsic value (settlement − strike) ×
 * quantity: 0.15% from 2026-04-01, 0.125% before (DECISIONS §2). Rounded to the nearest
 * paisa. Why it matters: mCube closes strangles before expiry, partly to avoid this.
 *
 * @throws DomainError INVALID_ARGUMENT for negative or fractional paise; UNKNOWN_DATE before
 * the first rate set.
 */
export function exerciseStt(input: { date: IsoDate; intrinsicValuePaise: Paise; rates?: readonly ChargeRateSet[] }): Paise {
  assertPaise('intrinsicValuePaise', input.intrinsicValuePaise);
  if (input.intrinsicValuePaise < 0) throw new DomainError('INVALID_ARGUMENT', 'intrinsicValuePaise must not be negative');
  const { num, den } = chargeRatesOn(input.date, input.rates).sttExercise;
  return mulDivPaise(input.intrinsicValuePaise, num, den);
}
