import { compareDates, type IsoDate } from '@mcube/domain';

/**
 * Stock → NSE sector index used by the sector filter (plan §6), as dated data. Our mapping of
 * each company's NSE industry to the closest sector index the market sources carry; it is NOT
 * the indices' constituent lists (e.g. capital goods and defence map to NIFTY INFRA, hospitals
 * to NIFTY PHARMA, consumer durables and retail to NIFTY CONSUMPTION). A version applies from
 * its `effectiveFrom` date until the next version; add a version when a company changes sector
 * or is demerged, never edit an old one. Covers the NIFTY 50 and the F&O stocks whose traded
 * value put them in a top 120 of 2024–2026.
 */
export interface SectorMapVersion {
  readonly effectiveFrom: IsoDate;
  readonly source: string;
  readonly sectorIndexOf: Readonly<Record<string, string>>;
}

const group = (index: string, symbols: string): Record<string, string> => Object.fromEntries(symbols.trim().split(/\s+/).map((s) => [s, index]));

/** Versions, oldest first. */
export const SECTOR_MAP_VERSIONS: readonly SectorMapVersion[] = Object.freeze([
  {
    effectiveFrom: '2024-01-01',
    source: 'mCube mapping of NSE industry classification to sector indices (2024)',
    sectorIndexOf: Object.freeze({
      ...group('NIFTY BANK', 'HDFCBANK ICICIBANK SBIN AXISBANK KOTAKBANK INDUSINDBK CANBK PNB BANKBARODA YESBANK IDFCFIRSTB FEDERALBNK AUBANK BANDHANBNK UNIONBANK RBLBANK'),
      ...group(
        'NIFTY FIN SERVICE',
        'BAJFINANCE BAJAJFINSV JIOFIN SHRIRAMFIN BSE MCX IRFC RECLTD PFC IREDA CDSL POLICYBZR PAYTM HUDCO HDFCLIFE SBILIFE ICICIPRULI ICICIGI LICI CHOLAFIN HDFCAMC MUTHOOTFIN ANGELONE LICHSGFIN',
      ),
      ...group('NIFTY IT', 'INFY TCS HCLTECH WIPRO TECHM COFORGE PERSISTENT OFSS LTIM MPHASIS KPITTECH'),
      ...group('NIFTY AUTO', 'M&M TATAMOTORS MARUTI BAJAJ-AUTO HEROMOTOCO EICHERMOT ASHOKLEY TVSMOTOR MOTHERSON BHARATFORG'),
      ...group('NIFTY PHARMA', 'SUNPHARMA DRREDDY CIPLA DIVISLAB APOLLOHOSP MAXHEALTH LUPIN AUROPHARMA ZYDUSLIFE'),
      ...group('NIFTY FMCG', 'ITC HINDUNILVR NESTLEIND TATACONSUM VBL BRITANNIA DABUR GODREJCP MARICO'),
      ...group('NIFTY METAL', 'TATASTEEL JSWSTEEL HINDALCO VEDL HINDCOPPER SAIL NATIONALUM HINDZINC NMDC ADANIENT JINDALSTEL'),
      ...group('NIFTY ENERGY', 'RELIANCE NTPC POWERGRID ONGC COALINDIA BPCL IOC HINDPETRO GAIL TATAPOWER ADANIGREEN NHPC ADANIENSOL OIL ATGL'),
      ...group(
        'NIFTY INFRA',
        'LT BHARTIARTL ULTRACEMCO GRASIM ADANIPORTS BEL INDUSTOWER IDEA RVNL DLF NBCC INDIGO HAL BHEL ABB CUMMINSIND CGPOWER POLYCAB HFCL MAZDOCK BDL SIEMENS AMBUJACEM',
      ),
      ...group('NIFTY CONSUMPTION', 'TITAN ASIANPAINT TRENT ETERNAL DIXON KALYANKJIL KAYNES'),
    }),
  },
]);

/**
 * The index futures and what stands in for their "sector": the index itself (NIFTY's sector
 * verdict is the broad market's own 3/7/21-day trend). `barsSymbol` names the index's bars.
 */
export const INDEX_UNDERLYINGS: Readonly<Record<string, { readonly barsSymbol: string; readonly sectorIndex: string }>> = Object.freeze({
  NIFTY: { barsSymbol: 'NIFTY 50', sectorIndex: 'NIFTY 50' },
  BANKNIFTY: { barsSymbol: 'NIFTY BANK', sectorIndex: 'NIFTY BANK' },
});

/**
 * The sector index of an underlying on a date: index futures map to themselves, stocks through
 * the version in force on `date`. Null when the underlying is not mapped (the screener drops
 * it: the sector filter is not optional).
 */
export function sectorIndexOf(underlying: string, date: IsoDate, versions: readonly SectorMapVersion[] = SECTOR_MAP_VERSIONS): string | null {
  const index = INDEX_UNDERLYINGS[underlying];
  if (index) return index.sectorIndex;
  let found: SectorMapVersion | undefined;
  for (const v of versions) if (compareDates(v.effectiveFrom, date) <= 0) found = v;
  return found?.sectorIndexOf[underlying] ?? null;
}

/** The symbol whose daily bars describe an underlying (the index name for index futures). */
export function barsSymbolOf(underlying: string): string {
  return INDEX_UNDERLYINGS[underlying]?.barsSymbol ?? underlying;
}
