const INDEX_SPOT_SYMBOLS: Readonly<Record<string, string>> = Object.freeze({ NIFTY: 'NIFTY 50', BANKNIFTY: 'NIFTY BANK' });

/**
 * The market-data quote symbol of an underlying's spot (`MarketDataPort.quote`): 'NIFTY' →
 * 'NIFTY 50', 'BANKNIFTY' → 'NIFTY BANK'; a stock is its own symbol.
 */
export function spotQuoteSymbolOf(underlying: string): string {
  return INDEX_SPOT_SYMBOLS[underlying] ?? underlying;
}
