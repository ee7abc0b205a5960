import { DomainError } from '../errors/domain-error';
import { assertNonNegative, assertPositive } from '../validation/assert';

/** Open interest (contracts or units, the same for every row) at one strike of one expiry. */
export interface StrikeOpenInterest {
  strike: number;
  callOi: number;
  putOi: number;
}

/** Levels read from an option chain's open interest. */
export interface OiSupportResistance {
  /** Strike with the most put open interest (put writers defend it); null if all put OI is 0. */
  support: number | null;
  /** Strike with the most call open interest (call writers defend it); null if all call OI is 0. */
  resistance: number | null;
  /** Total put OI / total call OI; null when there is no call OI. */
  putCallRatio: number | null;
}

/**
 * Support and resistance as option writers' largest positions: the maximum put-OI strike
 * and the maximum call-OI strike, plus the chain's put-call ratio. Ties go to the lower
 * strike, so the answer does not depend on row order.
 *
 * @throws DomainError INVALID_ARGUMENT if a strike is not > 0 or an OI is negative or not finite.
 */
export function oiSupportResistance(rows: readonly StrikeOpenInterest[]): OiSupportResistance {
  if (!Array.isArray(rows)) throw new DomainError('INVALID_ARGUMENT', 'rows must be an array', {});
  let support: number | null = null;
  let resistance: number | null = null;
  let maxPut = 0;
  let maxCall = 0;
  let totalPut = 0;
  let totalCall = 0;
  for (const row of rows) {
    assertPositive('strike', row.strike);
    assertNonNegative('callOi', row.callOi);
    assertNonNegative('putOi', row.putOi);
    totalPut += row.putOi;
    totalCall += row.callOi;
    if (row.putOi > maxPut || (row.putOi === maxPut && maxPut > 0 && support !== null && row.strike < support)) {
      maxPut = row.putOi;
      support = row.strike;
    }
    if (row.callOi > maxCall || (row.callOi === maxCall && maxCall > 0 && resistance !== null && row.strike < resistance)) {
      maxCall = row.callOi;
      resistance = row.strike;
    }
  }
  return { support, resistance, putCallRatio: totalCall > 0 ? totalPut / totalCall : null };
}
