import { freezeQuantityFor, lotSizeFor, strikeIntervalFor, tickSize, type BrokerInstrument, type IsoDate } from '@mcube/domain';

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
 * The quote symbol of a contract in the market simulator's format ('NIFTY-2026-08-25-FUT',
 * 'NIFTY-2026-08-25-24500-CE'); the paper broker asks the market-data port for it.
 */
export function simContractSymbolOf(instrument: BrokerInstrument): string {
  const base = `${instrument.underlying}-${instrument.expiry}`;
  return instrument.kind === 'FUT' ? `${base}-FUT` : `${base}-${instrument.strike}-${instrument.optionType}`;
}

const INDEX_SYMBOLS: Readonly<Record<string, string>> = { NIFTY: 'NIFTY 50', BANKNIFTY: 'NIFTY BANK' };

/** The quote symbol of an underlying's spot: 'NIFTY' → 'NIFTY 50'; a stock is its own symbol. */
export function spotSymbolOf(underlying: string): string {
  return INDEX_SYMBOLS[underlying] ?? underlying;
}
