import { DomainError } from '../errors/domain-error';

/** The part of an OHLC bar that range-based indicators (ATR, pivots) need. */
export interface HighLowClose {
  high: number;
  low: number;
  close: number;
}

/**
 * Throws INVALID_ARGUMENT unless high, low and close are finite and low ≤ high.
 * (A close outside [low, high] is tolerated: some vendors' closes are settlement prices.)
 */
export function assertHighLowClose(name: string, bar: HighLowClose): void {
  const ok = bar !== null && typeof bar === 'object' && [bar.high, bar.low, bar.close].every((v) => typeof v === 'number' && Number.isFinite(v));
  if (!ok) throw new DomainError('INVALID_ARGUMENT', `${name} must have finite high, low and close`, { [name]: bar });
  if (bar.low > bar.high) {
    throw new DomainError('INVALID_ARGUMENT', `${name} has low ${bar.low} above high ${bar.high}`, { [name]: bar });
  }
}
