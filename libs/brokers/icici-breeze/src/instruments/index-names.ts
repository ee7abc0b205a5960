/**
 * Index derivatives: FONSEScripMaster writes the index name in ExchangeCode ('NIFTY 50',
 * 'NIFTY BANK'), not the NSE F&O symbol, so those need a table. Names seen in the master and
 * in the SDK's list of index short names (NIFTY, CNXBAN, NIFFIN, NIFSEL); extend when NSE lists
 * a new index contract. An index row matching neither table is reported as unknown.
 */
export const INDEX_FNO_SYMBOL_BY_NAME: Readonly<Record<string, string>> = Object.freeze({
  'NIFTY 50': 'NIFTY',
  NIFTY: 'NIFTY',
  'NIFTY BANK': 'BANKNIFTY',
  BANKNIFTY: 'BANKNIFTY',
  'NIFTY FIN SERVICE': 'FINNIFTY',
  'NIFTY FINANCIAL': 'FINNIFTY',
  FINNIFTY: 'FINNIFTY',
  'NIFTY MID SELECT': 'MIDCPNIFTY',
  'NIFTY MIDCAP SELECT': 'MIDCPNIFTY',
  MIDCPNIFTY: 'MIDCPNIFTY',
  'NIFTY NEXT 50': 'NIFTYNXT50',
  NIFTYNXT50: 'NIFTYNXT50',
});

/** ICICI short names of index F&O underlyings. */
export const INDEX_FNO_SYMBOL_BY_SHORT_NAME: Readonly<Record<string, string>> = Object.freeze({
  NIFTY: 'NIFTY',
  CNXBAN: 'BANKNIFTY',
  NIFFIN: 'FINNIFTY',
  NIFSEL: 'MIDCPNIFTY',
});

/** The NSE F&O symbol of an index row, or a reason it has none. */
export function indexFnoSymbol(shortName: string, exchangeCode: string): { symbol: string } | { reason: string } {
  const byName = INDEX_FNO_SYMBOL_BY_NAME[exchangeCode.toUpperCase()];
  const byShort = INDEX_FNO_SYMBOL_BY_SHORT_NAME[shortName];
  if (byName && byShort && byName !== byShort) return { reason: `index ${exchangeCode} (${byName}) disagrees with short name ${shortName} (${byShort})` };
  const symbol = byName ?? byShort;
  return symbol ? { symbol } : { reason: `index ${JSON.stringify(exchangeCode)} is not in the index table` };
}
