import { freezeQuantityFor, instrumentKeyText, lotSizeFor, strikeIntervalFor, tickSize, type BrokerInstrument, type IsoDate } from '@mcube/domain';

/** Exchange terms of one contract on a trade date. */
export interface ContractRules {
  readonly lotSize: number;
  readonly tickSize: number;
  /** Largest units in one order. */
  readonly freezeQuantity: number;
  /** Option strikes are whole multiples of it, when known. */
  readonly strikeInterval?: number;
}

/**
 * Looks up a contract's terms; throws (any error) for a contract it does not know, which
 * the paper broker reports as REJECTED.
 */
export type ContractRulesLookup = (instrument: BrokerInstrument, tradeDate: IsoDate) => ContractRules;

/**
 * The NSE defaults of `@mcube/domain`: dated lot size by expiry, ₹0.05 tick, dated freeze
 * quantity, strike interval (options only). Covers the underlyings of those tables (NIFTY); pass your own lookup (the
 * instrument master) for stock futures. Throws DomainError for an unknown underlying.
 */
export const nseContractRules: ContractRulesLookup = (instrument, tradeDate) => ({
  lotSize: lotSizeFor({ underlying: instrument.underlying, expiry: instrument.expiry }),
  tickSize,
  freezeQuantity: freezeQuantityFor({ underlying: instrument.underlying, date: tradeDate }),
  ...(instrument.kind === 'OPT' ? { strikeInterval: strikeIntervalFor(instrument.underlying) } : {}),
});

/**
 * The quote name of a contract: its canonical instrument key text ('NIFTY-2026-08-25-FUT',
 * 'NIFTY-2026-08-25-24500-CE'), which every market adapter reads; the paper broker keys its
 * quotes by it.
 */
export function simContractSymbolOf(instrument: BrokerInstrument): string {
  return instrumentKeyText(instrument);
}

const INDEX_SYMBOLS: Readonly<Record<string, string>> = { NIFTY: 'NIFTY 50', BANKNIFTY: 'NIFTY BANK' };

/** The quote symbol of an underlying's spot: 'NIFTY' → 'NIFTY 50'; a stock is its own symbol. */
export function spotSymbolOf(underlying: string): string {
  return INDEX_SYMBOLS[underlying] ?? underlying;
}
