import { assertFiniteSeries, assertPeriod } from './series-input';

/**
 * Simple moving average, aligned with the input: `result[i]` is the mean of
 * `values[i − period + 1 .. i]`, and `null` for the first `period − 1` entries (not enough
 * data yet). Each window is summed afresh, so no rounding drifts along a long series.
 *
 * @throws DomainError INVALID_ARGUMENT if a value is not finite or period is not a whole number ≥ 1.
 */
export function sma(values: readonly number[], period: number): (number | null)[] {
  assertFiniteSeries('values', values);
  assertPeriod(period);
  const out: (number | null)[] = new Array(values.length).fill(null);
  for (let i = period - 1; i < values.length; i++) {
    let sum = 0;
    for (let j = i - period + 1; j <= i; j++) sum += values[j];
    out[i] = sum / period;
  }
  return out;
}
