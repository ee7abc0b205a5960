import { istDateTimeOf, type IsoDate } from '../time/ist-date';

/** One strike of a chain as the summary reads it: prices in points, IVs as fractions. */
export interface SummaryChainRow {
  readonly strike: number;
  readonly callPrice: number | null;
  readonly putPrice: number | null;
  readonly callIv: number | null;
  readonly putIv: number | null;
}

/** The ATM view of a chain: straddle, ATM IV and the move they imply. */
export interface AtmSummary {
  /** The listed strike nearest spot (the lower on a tie). */
  readonly atmStrike: number;
  /** Mean of the ATM call and put IVs (either alone when the other is missing), fraction. */
  readonly atmIv: number | null;
  /** ATM call + put, points; null when either side has no price. */
  readonly straddlePrice: number | null;
  /** One standard deviation of the move to expiry, spot·IV·√T, points. */
  readonly expectedMovePoints: number | null;
  /** The same as a percent of spot. */
  readonly expectedMovePct: number | null;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round2 = (v: number) => Math.round(v * 100) / 100;

/** The strike nearest `spot` (lower on a tie); null for no strikes. */
export function nearestStrike(strikes: readonly number[], spot: number): number | null {
  let best: number | null = null;
  for (const k of strikes) {
    if (best === null || Math.abs(k - spot) < Math.abs(best - spot) || (Math.abs(k - spot) === Math.abs(best - spot) && k < best)) best = k;
  }
  return best;
}

/**
 * ATM strike, ATM IV, straddle price and the 1σ expected move of a chain at `spot` with
 * `years` to expiry. Null for an empty chain or a non-positive spot.
 */
export function atmSummary(input: { rows: readonly SummaryChainRow[]; spot: number; years: number }): AtmSummary | null {
  const { rows, spot, years } = input;
  if (!(spot > 0)) return null;
  const atm = nearestStrike(rows.map((r) => r.strike), spot);
  if (atm === null) return null;
  const row = rows.find((r) => r.strike === atm);
  if (!row) return null;
  const ivs = [row.callIv, row.putIv].filter((v): v is number => v !== null && v > 0);
  const atmIv = ivs.length > 0 ? mean(ivs) : null;
  const straddle = row.callPrice !== null && row.putPrice !== null ? round2(row.callPrice + row.putPrice) : null;
  const move = atmIv !== null && years > 0 ? spot * atmIv * Math.sqrt(years) : null;
  return {
    atmStrike: atm,
    atmIv: atmIv === null ? null : Math.round(atmIv * 1e4) / 1e4,
    straddlePrice: straddle,
    expectedMovePoints: move === null ? null : round2(move),
    expectedMovePct: move === null ? null : round2((move / spot) * 100),
  };
}

/** One stored chain row near the money: when, strike, spot then, IV (fraction). */
export interface StoredAtmRow {
  readonly snapshotAtMs: number;
  readonly strike: number;
  readonly underlyingPrice: number;
  readonly iv: number;
}

/**
 * One ATM IV per IST trading day from stored chain snapshots: the day's last snapshot, the
 * mean IV of the strike nearest that snapshot's spot (call and put). Ascending by date.
 */
export function dailyAtmIvs(rows: readonly StoredAtmRow[]): { date: IsoDate; atmIv: number }[] {
  const lastByDay = new Map<IsoDate, number>();
  for (const r of rows) {
    const { date } = istDateTimeOf(r.snapshotAtMs);
    lastByDay.set(date, Math.max(lastByDay.get(date) ?? 0, r.snapshotAtMs));
  }
  const out: { date: IsoDate; atmIv: number }[] = [];
  for (const [date, at] of [...lastByDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const snap = rows.filter((r) => r.snapshotAtMs === at);
    const atm = nearestStrike(snap.map((r) => r.strike), snap[0].underlyingPrice);
    const ivs = snap.filter((r) => r.strike === atm && r.iv > 0).map((r) => r.iv);
    if (ivs.length > 0) out.push({ date, atmIv: mean(ivs) });
  }
  return out;
}

/**
 * IV percentile: the percent of past days whose ATM IV was below `current` (0–100, rounded).
 * Null without history.
 */
export function ivPercentile(current: number, history: readonly number[]): number | null {
  if (history.length === 0) return null;
  return Math.round((history.filter((v) => v < current).length / history.length) * 100);
}
