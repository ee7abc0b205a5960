import { NeoFields } from './neo-fields';
import { epochMsOfNanos, epochMsOfNeoDayMonth } from './neo-time';
import type { NeoTrade } from './neo.types';

const WHAT = 'trade book';

function occurredAtOf(f: NeoFields): number {
  const day = f.optionalText('flDt');
  const time = f.optionalText('flTm');
  const fromFill = day && time ? epochMsOfNeoDayMonth(day, time) : undefined;
  if (fromFill !== undefined) return fromFill;
  const ex = f.optionalText('exTm');
  const fromExchange = ex ? epochMsOfNeoDayMonth(ex) : undefined;
  if (fromExchange !== undefined) return fromExchange;
  const fromNanos = epochMsOfNanos(f.raw('updRecvTm'));
  if (fromNanos !== undefined) return fromNanos;
  return f.fail('flDt', "a fill date and time ('22-Jan-2025' + '14:28:16')");
}

/** One fill row: the quantity is `fldQty` of this fill and its price `avgPrc`. */
export function parseNeoTrade(value: unknown, path: string): NeoTrade {
  const f = NeoFields.of(WHAT, value, path);
  const quantity = f.count('fldQty');
  if (quantity < 1) f.fail('fldQty', 'a fill quantity ≥ 1');
  const pricePaise = f.paise('avgPrc');
  if (pricePaise <= 0) f.fail('avgPrc', 'a fill price > 0');
  return {
    orderNo: f.text('nOrdNo'),
    fillId: f.text('flId'),
    tag: f.optionalText('GuiOrdId'),
    exchangeSegment: f.text('exSeg'),
    token: f.optionalText('tok'),
    tradingSymbol: f.text('trdSym'),
    side: f.oneOf('trnsTp', ['B', 'S'] as const) === 'B' ? 'BUY' : 'SELL',
    product: f.text('prod'),
    quantity,
    pricePaise,
    occurredAtMs: occurredAtOf(f),
  };
}

/** The trade book (`{stat, stCode: 200, data: [...]}`): every fill valid, or an error. */
export function parseTradeBook(json: unknown): readonly NeoTrade[] {
  return NeoFields.of(WHAT, json)
    .array('data')
    .map((row, i) => parseNeoTrade(row, `data[${i}]`));
}
