import { lotSizeFor, type CallPut, type IsoDate } from '@mcube/domain';
import type { CsvRow } from './files/csv-files';

/** One real option record of a day's end (or a chain snapshot). OI and volume in units. */
export interface RealOptionRow {
  readonly date: IsoDate;
  readonly expiry: IsoDate;
  readonly strike: number;
  readonly type: CallPut;
  /** The traded price; null when the contract did not trade (its file price is a reference value). */
  readonly price: number | null;
  readonly openInterest?: number;
  readonly openInterestChange?: number;
  readonly volume?: number;
  /** Implied volatility as a fraction, where the source gives one. */
  readonly impliedVolatility?: number;
  /** The underlying's level the source printed with the row. */
  readonly underlyingValue?: number;
}

const n = (s: string | undefined): number | undefined => (s === undefined || s === '' || !Number.isFinite(Number(s)) ? undefined : Number(s));

/** NSE contract-wise EOD rows: a price only where `contracts` > 0 (README: other prices are reference values). */
export function fromContractwise(rows: readonly CsvRow[]): RealOptionRow[] {
  return rows
    .filter((r) => r.symbol === 'NIFTY' && (r.option_type === 'CE' || r.option_type === 'PE'))
    .map((r) => ({
      date: r.date,
      expiry: r.expiry,
      strike: Number(r.strike),
      type: r.option_type as CallPut,
      price: (n(r.contracts) ?? 0) > 0 ? (n(r.close) ?? null) : null,
      openInterest: n(r.open_interest),
      openInterestChange: n(r.change_in_oi),
      underlyingValue: n(r.underlying_value),
    }));
}

/** NSE F&O Market Activity rows (traded contracts only; OI and quantity already in units). */
export function fromMarketActivity(rows: readonly CsvRow[]): RealOptionRow[] {
  return rows.map((r) => ({
    date: r.date,
    expiry: r.expiry,
    strike: Number(r.strike),
    type: r.option_type as CallPut,
    price: n(r.close) ?? null,
    openInterest: n(r.open_interest),
    volume: n(r.traded_qty),
  }));
}

/**
 * Chain snapshots with `ce_*`/`pe_*` columns (NSE API and website). OI there is in contracts
 * (lots): it is converted to units with the lot size of the expiry. `dateColumn` names the
 * snapshot date column; rows of other underlyings are dropped.
 */
export function fromChainSnapshots(rows: readonly CsvRow[], dateColumn: string): RealOptionRow[] {
  const out: RealOptionRow[] = [];
  for (const r of rows) {
    if (r.underlying !== undefined && r.underlying !== 'NIFTY') continue;
    const lot = lotSizeFor({ underlying: 'NIFTY', expiry: r.expiry });
    for (const [type, p] of [['CE', 'ce'], ['PE', 'pe']] as const) {
      const price = n(r[`${p}_ltp`]);
      const oi = n(r[`${p}_oi`]);
      const chg = n(r[`${p}_chg_oi`]);
      const iv = n(r[`${p}_iv`]);
      out.push({
        date: r[dateColumn],
        expiry: r.expiry,
        strike: Number(r.strike),
        type,
        price: price !== undefined && price > 0 ? price : null,
        openInterest: oi === undefined ? undefined : Math.round(oi * lot),
        openInterestChange: chg === undefined ? undefined : Math.round(chg * lot),
        impliedVolatility: iv !== undefined && iv > 0 ? iv / 100 : undefined,
      });
    }
  }
  return out;
}
