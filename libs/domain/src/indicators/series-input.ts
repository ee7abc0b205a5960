import { DomainError } from '../errors/domain-error';
import { assertInteger } from '../validation/assert';

/**
 * Throws INVALID_ARGUMENT unless `values` is an array of finite numbers (the message names
 * the first bad index). Indicators never skip or patch holes: a gap in the data is the
 * caller's to fill or cut.
 */
export function assertFiniteSeries(name: string, values: readonly number[]): void {
  if (!Array.isArray(values)) {
    throw new DomainError('INVALID_ARGUMENT', `${name} must be an array of numbers`, { [name]: values });
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new DomainError('INVALID_ARGUMENT', `${name}[${i}] must be a finite number, got ${String(v)}`, { index: i, value: v });
    }
  }
}

/** Throws INVALID_ARGUMENT unless `period` is a whole number ≥ 1. */
export function assertPeriod(period: number): void {
  assertInteger('period', period, { min: 1 });
}
