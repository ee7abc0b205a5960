import { assertFinite, assertPositive } from '../validation/assert';
import { assertFiniteSeries, assertPeriod } from './series-input';
import { sma } from './sma';

/** One Bollinger reading: the moving average and the bands `stdDev` deviations around it. */
export interface BollingerBand {
  middle: number;
  upper: number;
  lower: number;
}

/** Bollinger settings; the defaults are Bollinger's own 20 periods and 2 deviations. */
export interface BollingerOptions {
  period?: number;
  stdDev?: number;
}

/**
 * Bollinger Bands aligned with the closes: middle = SMA(period), upper/lower = middle ±
 * stdDev·σ, where σ is the POPULATION standard deviation of the same window (divide by
 * `period`, as Bollinger and most platforms do). `null` for the first `period − 1` entries.
 *
 * @throws DomainError INVALID_ARGUMENT if a close is not finite, period is not a whole number
 *   ≥ 1 or stdDev is not a positive number.
 */
export function bollingerBands(closes: readonly number[], options: BollingerOptions = {}): (BollingerBand | null)[] {
  const period = options.period ?? 20;
  const width = options.stdDev ?? 2;
  assertFiniteSeries('closes', closes);
  assertPeriod(period);
  assertFinite('stdDev', width);
  assertPositive('stdDev', width);
  const middles = sma(closes, period);
  return middles.map((middle, i) => {
    if (middle === null) return null;
    let squares = 0;
    for (let j = i - period + 1; j <= i; j++) squares += (closes[j] - middle) ** 2;
    const sigma = Math.sqrt(squares / period);
    return { middle, upper: middle + width * sigma, lower: middle - width * sigma };
  });
}
