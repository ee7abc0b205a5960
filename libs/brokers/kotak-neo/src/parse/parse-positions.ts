import { NeoFields } from './neo-fields';
import type { NeoPosition } from './neo.types';

const WHAT = 'positions';

function positiveCount(f: NeoFields, key: string): number {
  const n = f.count(key);
  if (n < 1) f.fail(key, 'a whole number ≥ 1');
  return n;
}

/** One position row; quantities are units (Kotak's docs divide by `lotSz` to show lots). */
export function parseNeoPosition(value: unknown, path: string): NeoPosition {
  const f = NeoFields.of(WHAT, value, path);
  const multiplier = f.decimal('multiplier');
  if (multiplier <= 0) f.fail('multiplier', 'a number > 0');
  return {
    exchangeSegment: f.text('exSeg'),
    token: f.text('tok'),
    tradingSymbol: f.text('trdSym'),
    product: f.text('prod'),
    dayBuyQuantity: f.count('flBuyQty'),
    daySellQuantity: f.count('flSellQty'),
    cfBuyQuantity: f.count('cfBuyQty'),
    cfSellQuantity: f.count('cfSellQty'),
    dayBuyPaise: f.paise('buyAmt'),
    daySellPaise: f.paise('sellAmt'),
    cfBuyPaise: f.paise('cfBuyAmt'),
    cfSellPaise: f.paise('cfSellAmt'),
    multiplier,
    genNum: positiveCount(f, 'genNum'),
    genDen: positiveCount(f, 'genDen'),
    prcNum: positiveCount(f, 'prcNum'),
    prcDen: positiveCount(f, 'prcDen'),
    lotSize: positiveCount(f, 'lotSz'),
  };
}

/** The positions answer (`{stat, stCode: 200, data: [...]}`): every row valid, or an error. */
export function parsePositions(json: unknown): readonly NeoPosition[] {
  return NeoFields.of(WHAT, json)
    .array('data')
    .map((row, i) => parseNeoPosition(row, `data[${i}]`));
}
