/**
 * Our index names → the names Kotak's quotes endpoint takes (`nse_cm|Nifty 50`), exact
 * and case-sensitive (BROKERS.md §1). The underlying of an index option maps to its index.
 */
export const KOTAK_INDEX_NAMES: Readonly<Record<string, string>> = {
  'NIFTY 50': 'Nifty 50',
  NIFTY: 'Nifty 50',
  'NIFTY BANK': 'Nifty Bank',
  BANKNIFTY: 'Nifty Bank',
  'INDIA VIX': 'India VIX',
  INDIAVIX: 'India VIX',
};

/** The Kotak quote name of an index, or undefined when `symbol` is not one we know. */
export function kotakIndexName(symbol: string): string | undefined {
  return KOTAK_INDEX_NAMES[symbol.trim().toUpperCase()];
}
