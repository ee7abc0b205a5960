import { BreezeParseError } from '../errors/breeze-parse-error';
import { asArray, asObject, decimal, optDecimal, text } from './breeze-fields';
import type { BreezeBar } from './breeze-raw.types';

/**
 * Historical v2 candles (`{datetime: '2025-02-03 09:21:00', open, high, low, close, volume,
 * open_interest?}`), oldest first as Breeze sends them; null (no data) → []. A candle whose
 * high/low do not enclose its open/close is malformed.
 */
export function parseHistoricalBars(success: unknown): readonly BreezeBar[] {
  if (success === null) return [];
  return asArray(success, '$.Success').map((row, i) => {
    const path = `$.Success[${i}]`;
    const o = asObject(row, path);
    const stamp = text(o, 'datetime', path);
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(stamp);
    if (!m) throw new BreezeParseError(`${path}.datetime`, `not 'YYYY-MM-DD HH:MM:SS': ${JSON.stringify(stamp)}`);
    const bar: BreezeBar = {
      date: m[1],
      time: m[2],
      open: decimal(o, 'open', path),
      high: decimal(o, 'high', path),
      low: decimal(o, 'low', path),
      close: decimal(o, 'close', path),
      volume: optDecimal(o, 'volume', path) ?? 0,
      openInterest: optDecimal(o, 'open_interest', path),
    };
    if (!(bar.low <= Math.min(bar.open, bar.close) && bar.high >= Math.max(bar.open, bar.close) && bar.low > 0)) {
      throw new BreezeParseError(path, `inconsistent candle o=${bar.open} h=${bar.high} l=${bar.low} c=${bar.close}`);
    }
    if (bar.volume < 0) throw new BreezeParseError(`${path}.volume`, `negative volume ${bar.volume}`);
    return bar;
  });
}
