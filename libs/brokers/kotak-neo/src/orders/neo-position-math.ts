import type { NeoPosition } from '../parse/neo.types';

/** Rupees per unit per rupee of price: multiplier × genNum/genDen × prcNum/prcDen (1 for NSE F&O). */
export function priceFactorOf(p: NeoPosition): number {
  return (p.multiplier * p.genNum * p.prcNum) / (p.genDen * p.prcDen);
}

/** Signed net quantity in units: (day + carried buys) − (day + carried sells). */
export function netQuantityOf(p: NeoPosition): number {
  return p.dayBuyQuantity + p.cfBuyQuantity - (p.daySellQuantity + p.cfSellQuantity);
}

/**
 * Average price of the open side, in paise (Kotak's formula: buy amount ÷ buy quantity when
 * net long, sell amount ÷ sell quantity when net short, 0 when flat), rounded to the paisa.
 */
export function averagePricePaiseOf(p: NeoPosition): number {
  const buyQty = p.dayBuyQuantity + p.cfBuyQuantity;
  const sellQty = p.daySellQuantity + p.cfSellQuantity;
  const factor = priceFactorOf(p);
  if (buyQty > sellQty) return Math.round((p.dayBuyPaise + p.cfBuyPaise) / (buyQty * factor));
  if (sellQty > buyQty) return Math.round((p.daySellPaise + p.cfSellPaise) / (sellQty * factor));
  return 0;
}

/**
 * Mark-to-market P&L in paise at `lastPricePaise` (Kotak sends no P&L field):
 * (sell amount − buy amount) + net quantity × LTP × price factor. Realised and unrealised
 * together, since the day's and the carried amounts are both in it.
 */
export function positionMtmPaise(p: NeoPosition, lastPricePaise: number): number {
  if (!Number.isSafeInteger(lastPricePaise) || lastPricePaise < 0) throw new RangeError(`LTP must be whole non-negative paise, got ${lastPricePaise}`);
  const sold = p.daySellPaise + p.cfSellPaise;
  const bought = p.dayBuyPaise + p.cfBuyPaise;
  return sold - bought + Math.round(netQuantityOf(p) * lastPricePaise * priceFactorOf(p));
}
