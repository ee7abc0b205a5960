import { DomainError } from '../errors/domain-error';
import { oiSupportResistance } from '../indicators/oi-support-resistance';
import type { OptionChainSnapshot } from '../ports/market-data.port';
import type { CallPut } from './call-put';
import { priceChain, type ChainQuote, type ChainRow } from './price-chain';

/** What the chain says: put-call ratio, max pain, OI walls, OI change, and IV with greeks per quote. */
export interface ChainAnalytics {
  /** Total put OI ÷ total call OI; null without call OI. */
  readonly putCallRatio: number | null;
  /** Expiry level at which option holders' payout is smallest (writers' best case); null without OI. */
  readonly maxPain: number | null;
  readonly support: number | null;
  readonly resistance: number | null;
  readonly totalCallOi: number;
  readonly totalPutOi: number;
  readonly callOiChange: number;
  readonly putOiChange: number;
  /** `priceChain` rows (IV and greeks, or why a premium implies none), calls and puts by ascending strike. */
  readonly priced: readonly ChainRow[];
}

/**
 * Max pain over the listed strikes in O(n): for each candidate expiry level K, the payout
 * Σ callOi·max(K − k, 0) + Σ putOi·max(k − K, 0), built from running sums. Strikes ascending.
 */
export function maxPainStrike(rows: readonly { strike: number; callOi: number; putOi: number }[]): number | null {
  const n = rows.length;
  if (n === 0 || rows.every((r) => r.callOi === 0 && r.putOi === 0)) return null;
  const callPay = new Float64Array(n);
  let oiBelow = 0;
  for (let i = 1; i < n; i++) {
    oiBelow += rows[i - 1].callOi;
    callPay[i] = callPay[i - 1] + oiBelow * (rows[i].strike - rows[i - 1].strike);
  }
  let best = rows[n - 1].strike;
  let bestPay = Infinity;
  let putPay = 0;
  let oiAbove = 0;
  for (let i = n - 1; i >= 0; i--) {
    if (i < n - 1) {
      oiAbove += rows[i + 1].putOi;
      putPay += oiAbove * (rows[i + 1].strike - rows[i].strike);
    }
    const pay = callPay[i] + putPay;
    if (pay <= bestPay) {
      bestPay = pay;
      best = rows[i].strike;
    }
  }
  return best;
}

/**
 * Analytics of one chain snapshot. `years` is the time to expiry (> 0); quotes with no positive
 * price are left out of the pricing. Throws INVALID_ARGUMENT for unsorted strikes or bad levels.
 */
export function analyzeChain(chain: OptionChainSnapshot, market: { years: number; rate: number; dividendYield?: number }): ChainAnalytics {
  const oiRows = chain.strikes.map((r) => ({ strike: r.strike, callOi: r.call?.openInterest ?? 0, putOi: r.put?.openInterest ?? 0 }));
  for (let i = 1; i < oiRows.length; i++) {
    if (oiRows[i].strike <= oiRows[i - 1].strike) throw new DomainError('INVALID_ARGUMENT', 'chain strikes must be strictly ascending', { index: i });
  }
  const levels = oiSupportResistance(oiRows);
  const quotes: ChainQuote[] = [];
  let totalCallOi = 0;
  let totalPutOi = 0;
  let callOiChange = 0;
  let putOiChange = 0;
  for (const r of chain.strikes) {
    for (const [type, side] of [['CE', r.call], ['PE', r.put]] as [CallPut, typeof r.call][]) {
      if (!side) continue;
      if (side.lastPrice > 0) quotes.push({ strike: r.strike, type, price: side.lastPrice });
      if (type === 'CE') {
        totalCallOi += side.openInterest ?? 0;
        callOiChange += side.openInterestChange ?? 0;
      } else {
        totalPutOi += side.openInterest ?? 0;
        putOiChange += side.openInterestChange ?? 0;
      }
    }
  }
  return {
    putCallRatio: levels.putCallRatio,
    maxPain: maxPainStrike(oiRows),
    support: levels.support,
    resistance: levels.resistance,
    totalCallOi,
    totalPutOi,
    callOiChange,
    putOiChange,
    priced: priceChain({ spot: chain.spot, years: market.years, rate: market.rate, dividendYield: market.dividendYield ?? 0, options: quotes }),
  };
}
