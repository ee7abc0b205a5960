import type { OptionChainRowResponse } from '@mcube/contracts';

/** Strikes shown either side of the ATM strike (the page's choices). */
export const STRIKE_WINDOWS = [5, 10, 15, 20] as const;

/** The strike nearest to spot (the lower one on a tie); null for an empty chain or no spot. */
export function atmStrike(strikes: readonly number[], spot: number | null): number | null {
  if (spot === null || !Number.isFinite(spot) || strikes.length === 0) return null;
  let best = strikes[0];
  for (const k of strikes) {
    const d = Math.abs(k - spot);
    const bestD = Math.abs(best - spot);
    if (d < bestD || (d === bestD && k < best)) best = k;
  }
  return best;
}

/** The chain rows around spot: the ATM strike and up to `each` strikes below and above it. */
export interface ChainWindow {
  atm: number | null;
  rows: OptionChainRowResponse[];
}

/**
 * Rows sorted by strike, cut to `each` strikes either side of the ATM strike (fewer at the
 * chain's ends). Without a spot there is no ATM: the whole chain is returned, sorted.
 */
export function windowChain(rows: readonly OptionChainRowResponse[], spot: number | null, each: number): ChainWindow {
  const sorted = [...rows].sort((a, b) => a.strike - b.strike);
  const atm = atmStrike(
    sorted.map((r) => r.strike),
    spot,
  );
  if (atm === null) return { atm, rows: sorted };
  const i = sorted.findIndex((r) => r.strike === atm);
  const n = Math.max(0, Math.floor(each));
  return { atm, rows: sorted.slice(Math.max(0, i - n), i + n + 1) };
}

/** Series of the OI-by-strike chart (missing values as 0, so bars line up with the strikes). */
export interface OiSeries {
  strikes: string[];
  callOi: number[];
  putOi: number[];
  callOiChange: number[];
  putOiChange: number[];
}

/** The OI and OI-change bars of the given rows, calls and puts, in row order. */
export function oiSeries(rows: readonly OptionChainRowResponse[]): OiSeries {
  return {
    strikes: rows.map((r) => String(r.strike)),
    callOi: rows.map((r) => r.call?.openInterest ?? 0),
    putOi: rows.map((r) => r.put?.openInterest ?? 0),
    callOiChange: rows.map((r) => r.call?.openInterestChange ?? 0),
    putOiChange: rows.map((r) => r.put?.openInterestChange ?? 0),
  };
}
