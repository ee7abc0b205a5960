import { assertFiniteSeries, assertPeriod } from './series-input';

/**
 * Exponential moving average with α = 2/(period + 1), aligned with the input. It is seeded
 * with the simple average of the first `period` values at index `period − 1` (as most
 * charting platforms do); earlier entries are `null`. Then ema[i] = ema[i−1] + α·(v[i] − ema[i−1]).
 *
 * @throws DomainError INVALID_ARGUMENT if a value is not finite or period is not a whole number ≥ 1.
 */
export function ema(values: readonly number[], period: number): (number | null)[] {
  assertFiniteSeries('values', values);
  assertPeriod(period);
  const out: (number | null)[] = new Array(values.length).fill(null);
  if (values.length < period) return out;
  const alpha = 2 / (period + 1);
  let sum = 0;
  for (let i = 0; i < period; i++) sum += values[i];
  let current = sum / period;
  out[period - 1] = current;
  for (let i = period; i < values.length; i++) {
    current += alpha * (values[i] - current);
    out[i] = current;
  }
  return out;
}
