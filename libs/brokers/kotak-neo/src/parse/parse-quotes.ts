import { malformed } from '../errors/kotak-neo.error';
import { NeoFields } from './neo-fields';
import type { NeoDepthLevel, NeoQuote } from './neo.types';

const WHAT = 'quotes';

function depth(levels: readonly unknown[], path: string): NeoDepthLevel[] {
  return levels
    .map((level, i) => {
      const f = NeoFields.of(WHAT, level, `${path}[${i}]`);
      return { pricePaise: f.paise('price'), quantity: f.count('quantity'), orders: f.count('orders') };
    })
    .filter((l) => l.pricePaise > 0 && l.quantity > 0);
}

function optionalCount(f: NeoFields, key: string): number | undefined {
  return f.raw(key) === undefined || f.raw(key) === '' ? undefined : f.count(key);
}

/** One quote element (any quote type: absent groups stay undefined). */
export function parseNeoQuote(value: unknown, path: string): NeoQuote {
  const f = NeoFields.of(WHAT, value, path);
  const lastPricePaise = f.paise('ltp');
  if (lastPricePaise < 0) f.fail('ltp', 'a price ≥ 0');
  const ohlc = f.raw('ohlc') === undefined ? undefined : f.object('ohlc');
  const book = f.raw('depth') === undefined ? undefined : f.object('depth');
  const updated = f.optionalText('lstup_time');
  return {
    exchangeSegment: f.text('exchange'),
    token: f.text('exchange_token'),
    displaySymbol: f.text('display_symbol'),
    lastPricePaise,
    openPaise: ohlc?.paise('open'),
    highPaise: ohlc?.paise('high'),
    lowPaise: ohlc?.paise('low'),
    closePaise: ohlc?.paise('close'),
    volume: optionalCount(f, 'last_volume'),
    openInterest: optionalCount(f, 'open_int'),
    bids: book ? depth(book.array('buy'), `${path}.depth.buy`) : [],
    asks: book ? depth(book.array('sell'), `${path}.depth.sell`) : [],
    lastUpdateMs: updated && /^\d+$/.test(updated) ? Number(updated) * 1000 : undefined,
  };
}

/**
 * The quotes answer: a top-level JSON array (an invalid instrument comes back as HTTP 200
 * `{stat: 'Not_Ok', stCode: 1009}`, turned into an error before this runs).
 */
export function parseQuotes(json: unknown): readonly NeoQuote[] {
  if (!Array.isArray(json)) throw malformed(WHAT, 'the answer is not a list of quotes');
  return json.map((q, i) => parseNeoQuote(q, `[${i}]`));
}
