import { BrokerError, type IsoDate, type OptionChainSnapshot, type OptionSideQuote } from '@mcube/domain';
import type { BreezeQuoteRecord } from '../parse/breeze-raw.types';

/**
 * One snapshot from the call and put sides of `optionchain`: strikes ascending, spot from the
 * rows' `spot_price`, every side REAL (Breeze prices; 0 means no trade yet). Open interest and
 * its change are in units, as Breeze reports them (PCR = Σ put OI ÷ Σ call OI). Rows of another
 * expiry or of the wrong right are malformed.
 */
export function mergeOptionChain(input: { readonly underlying: string; readonly expiry: IsoDate; readonly calls: readonly BreezeQuoteRecord[]; readonly puts: readonly BreezeQuoteRecord[]; readonly nowMs: number }): OptionChainSnapshot {
  const rows = new Map<number, { call?: OptionSideQuote; put?: OptionSideQuote }>();
  let spot: number | undefined;
  let asOfMs: number | undefined;
  for (const [side, list] of [['call', input.calls], ['put', input.puts]] as const) {
    for (const r of list) {
      if (r.right !== side || r.expiryDate !== input.expiry || r.strikePrice === undefined) {
        throw new BrokerError('UNKNOWN', `ICICI option chain of ${input.underlying} ${input.expiry}: a ${side} row for ${r.expiryDate} ${r.right} ${r.strikePrice}`, { broker: 'ICICI', brokerCode: 'MALFORMED_RESPONSE' });
      }
      const row = rows.get(r.strikePrice) ?? {};
      row[side] = sideOf(r);
      rows.set(r.strikePrice, row);
      spot ??= r.spotPrice;
      if (r.lastTradeAtMs !== undefined) asOfMs = Math.max(asOfMs ?? 0, r.lastTradeAtMs);
    }
  }
  if (rows.size > 0 && spot === undefined) throw new BrokerError('UNKNOWN', `ICICI option chain of ${input.underlying} ${input.expiry} has no spot price`, { broker: 'ICICI', brokerCode: 'MALFORMED_RESPONSE' });
  const strikes = [...rows.entries()].sort(([a], [b]) => a - b).map(([strike, r]) => ({ strike, ...r }));
  return { underlying: input.underlying, expiry: input.expiry, spot: spot ?? 0, asOfMs: asOfMs ?? input.nowMs, strikes };
}

function sideOf(r: BreezeQuoteRecord): OptionSideQuote {
  return { lastPrice: r.ltp, source: 'REAL', bid: r.bestBid, ask: r.bestOffer, volume: r.totalQuantityTraded, openInterest: r.openInterest, openInterestChange: r.changeInOi };
}
