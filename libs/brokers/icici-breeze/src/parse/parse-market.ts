import { BreezeParseError } from '../errors/breeze-parse-error';
import { asArray, asObject, breezeDateTime, decimal, optDecimal, optText, type JsonObject } from './breeze-fields';
import type { BreezeQuoteRecord } from './breeze-raw.types';
import { parseContractFields } from './parse-contract-fields';

/** `quotes` (one row per exchange asked) and `optionchain` (one row per strike); null → []. */
export function parseQuotes(success: unknown): readonly BreezeQuoteRecord[] {
  if (success === null) return [];
  return asArray(success, '$.Success').map((row, i) => parseQuoteRecord(asObject(row, `$.Success[${i}]`), `$.Success[${i}]`));
}

function parseQuoteRecord(o: JsonObject, path: string): BreezeQuoteRecord {
  const ltt = optText(o, 'ltt', path);
  const quote: BreezeQuoteRecord = {
    ...parseContractFields(o, path),
    ltp: decimal(o, 'ltp', path),
    lastTradeAtMs: ltt === undefined ? undefined : breezeDateTime(ltt, `${path}.ltt`),
    bestBid: positive(optDecimal(o, 'best_bid_price', path)),
    bestOffer: positive(optDecimal(o, 'best_offer_price', path)),
    open: optDecimal(o, 'open', path),
    high: optDecimal(o, 'high', path),
    low: optDecimal(o, 'low', path),
    previousClose: positive(optDecimal(o, 'previous_close', path)),
    upperCircuit: optDecimal(o, 'upper_circuit', path),
    lowerCircuit: optDecimal(o, 'lower_circuit', path),
    totalQuantityTraded: optDecimal(o, 'total_quantity_traded', path),
    spotPrice: positive(optDecimal(o, 'spot_price', path)),
    openInterest: optDecimal(o, 'open_interest', path),
    changeInOi: optDecimal(o, 'chnge_oi', path),
  };
  if (quote.ltp < 0) throw new BreezeParseError(`${path}.ltp`, `negative price ${quote.ltp}`);
  if (quote.openInterest !== undefined && quote.openInterest < 0) throw new BreezeParseError(`${path}.open_interest`, `negative open interest ${quote.openInterest}`);
  return quote;
}

/** Breeze writes 0 for "no bid", "no previous close"… */
function positive(v: number | undefined): number | undefined {
  return v !== undefined && v > 0 ? v : undefined;
}
