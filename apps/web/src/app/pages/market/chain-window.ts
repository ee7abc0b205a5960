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
 * chain's ends), widened so every strike in `keep` (the account's own) stays inside. Without a
 * spot there is no ATM: the whole chain is returned, sorted.
 */
export function windowChain(rows: readonly OptionChainRowResponse[], spot: number | null, each: number, keep: readonly number[] = []): ChainWindow {
  const sorted = [...rows].sort((a, b) => a.strike - b.strike);
  const atm = atmStrike(
    sorted.map((r) => r.strike),
    spot,
  );
  if (atm === null) return { atm, rows: sorted };
  const i = sorted.findIndex((r) => r.strike === atm);
  const n = Math.max(0, Math.floor(each));
  let from = Math.max(0, i - n);
  let to = i + n + 1;
  for (const k of keep) {
    const j = sorted.findIndex((r) => r.strike === k);
    if (j < 0) continue;
    from = Math.min(from, j);
    to = Math.max(to, j + 1);
  }
  return { atm, rows: sorted.slice(from, to) };
}

/** Series of the OI-by-strike chart (missing values as 0, so bars line up with the strikes). */
export interface OiSeries {
  strikes: string[];
  callOi: number[];
  putOi: number[];
  callOiChange: number[];
  putOiChange: number[];
}

/**
 * Where spot sits on the OI chart's category axis, as a fractional row index (between the two
 * strikes around it); null without a spot or outside the rows.
 */
export function spotIndex(rows: readonly OptionChainRowResponse[], spot: number | null): number | null {
  if (spot === null) return null;
  for (let i = 0; i + 1 < rows.length; i++) {
    const [a, b] = [rows[i].strike, rows[i + 1].strike];
    if (spot >= a && spot <= b) return i + (spot - a) / (b - a);
  }
  return rows.length === 1 && rows[0].strike === spot ? 0 : null;
}

/** Whether a side of a strike is in the money at `spot` (calls below spot, puts above). */
export function isItm(type: 'CE' | 'PE', strike: number, spot: number | null): boolean {
  return spot !== null && (type === 'CE' ? strike < spot : strike > spot);
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
