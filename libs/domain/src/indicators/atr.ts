import { DomainError } from '../errors/domain-error';
import { assertHighLowClose, HighLowClose } from './price-bar';
import { assertPeriod } from './series-input';

/**
 * Wilder's Average True Range, aligned with the bars. True range is
 * max(high − low, |high − previous close|, |low − previous close|), and just high − low on
 * the first bar. The first ATR, at index `period − 1`, is the mean of the first `period` true
 * ranges; then atr = (atr·(period − 1) + tr)/period. Earlier entries are `null`.
 *
 * @throws DomainError INVALID_ARGUMENT if a bar has a non-finite field or low > high, or
 *   period is not a whole number ≥ 1.
 */
export function atr(bars: readonly HighLowClose[], period = 14): (number | null)[] {
  if (!Array.isArray(bars)) throw new DomainError('INVALID_ARGUMENT', 'bars must be an array', {});
  assertPeriod(period);
  bars.forEach((bar, i) => assertHighLowClose(`bars[${i}]`, bar));
  const out: (number | null)[] = new Array(bars.length).fill(null);
  let sum = 0;
  let current = 0;
  for (let i = 0; i < bars.length; i++) {
    const { high, low } = bars[i];
    const tr = i === 0 ? high - low : Math.max(high - low, Math.abs(high - bars[i - 1].close), Math.abs(low - bars[i - 1].close));
    if (i < period) {
      sum += tr;
      if (i === period - 1) out[i] = current = sum / period;
    } else {
      current = (current * (period - 1) + tr) / period;
      out[i] = current;
    }
  }
  return out;
}
