import { assertFiniteSeries, assertPeriod } from './series-input';

/**
 * Wilder's Relative Strength Index (0–100), aligned with the closes. The first value, at
 * index `period`, uses the simple averages of the first `period` gains and losses; after
 * that each average is smoothed as avg = (avg·(period − 1) + today)/period. Entries before
 * index `period` are `null`. With no losses in the smoothed window RSI is 100, with no gains
 * 0, and with neither (a flat market) 50.
 *
 * @throws DomainError INVALID_ARGUMENT if a close is not finite or period is not a whole number ≥ 1.
 */
export function rsi(closes: readonly number[], period = 14): (number | null)[] {
  assertFiniteSeries('closes', closes);
  assertPeriod(period);
  const out: (number | null)[] = new Array(closes.length).fill(null);
  if (closes.length <= period) return out;
  let avgGain = 0;
  let avgLoss = 0;
  for (let i = 1; i <= period; i++) {
    const change = closes[i] - closes[i - 1];
    if (change > 0) avgGain += change;
    else avgLoss -= change;
  }
  avgGain /= period;
  avgLoss /= period;
  out[period] = strengthIndex(avgGain, avgLoss);
  for (let i = period + 1; i < closes.length; i++) {
    const change = closes[i] - closes[i - 1];
    avgGain = (avgGain * (period - 1) + Math.max(change, 0)) / period;
    avgLoss = (avgLoss * (period - 1) + Math.max(-change, 0)) / period;
    out[i] = strengthIndex(avgGain, avgLoss);
  }
  return out;
}

function strengthIndex(avgGain: number, avgLoss: number): number {
  if (avgLoss === 0) return avgGain === 0 ? 50 : 100;
  return 100 - 100 / (1 + avgGain / avgLoss);
}
