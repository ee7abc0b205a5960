import { bandOf, DTE_BUCKETS, VIX_BANDS } from './bands';

/** What was known of the market when a position was entered (any field may be missing). */
export interface EntryFacts {
  readonly vix?: number | null;
  /** Underlying price at entry, points. */
  readonly spot?: number | null;
  readonly daysToExpiry?: number | null;
  /** Underlying change over the last three completed days, percent. */
  readonly change3dPct?: number | null;
  /** High-impact events dated from the entry day to the expiry (null: unknown). */
  readonly eventsBeforeExpiry?: number | null;
  /** Strangle strikes (points). */
  readonly callStrike?: number | null;
  readonly putStrike?: number | null;
  /** Futures: the OI signal and the sector verdict at entry. */
  readonly oiSignal?: string | null;
  readonly sectorVerdict?: string | null;
}

/** The market condition of an entry in named classes (each `UNKNOWN` when its facts are missing). */
export interface EntryCondition {
  readonly vixBand: string;
  /** UP / DOWN: the 3-day change beyond ±1%; FLAT within. */
  readonly trend: string;
  readonly dteBucket: string;
  /** EVENT: a high-impact event before expiry; NONE: none. */
  readonly eventProximity: string;
  /** Nearer strike's distance from spot in σ of the move to expiry (spot·VIX/100·√(DTE/365)): <1σ, 1-1.5σ, 1.5-2σ, ≥2σ. */
  readonly strikeSigma: string;
  readonly oiSignal: string;
  readonly sector: string;
}

/** The dimensions of an entry condition, in the order patterns are listed. */
export const CONDITION_DIMENSIONS = ['vixBand', 'trend', 'dteBucket', 'eventProximity', 'strikeSigma', 'oiSignal', 'sector'] as const;
export type ConditionDimension = (typeof CONDITION_DIMENSIONS)[number];

const SIGMA_BANDS = [
  { key: '<1σ', below: 1 },
  { key: '1-1.5σ', below: 1.5 },
  { key: '1.5-2σ', below: 2 },
  { key: '≥2σ', below: Infinity },
];

const known = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** Distance of the nearer strike from spot in σ of the expected move to expiry; null when a fact is missing. */
export function strikeDistanceSigma(f: EntryFacts): number | null {
  if (!known(f.spot) || !known(f.vix) || !known(f.daysToExpiry) || f.spot <= 0 || f.vix <= 0) return null;
  const distances = [f.callStrike, f.putStrike].filter(known).map((k) => Math.abs(k - (f.spot as number)));
  if (distances.length === 0) return null;
  const sigmaPoints = (f.spot * f.vix) / 100 / Math.sqrt(365 / Math.max(1, f.daysToExpiry));
  return Math.min(...distances) / sigmaPoints;
}

/** The named condition classes of an entry's facts. Pure. */
export function entryConditionOf(f: EntryFacts): EntryCondition {
  const sigma = strikeDistanceSigma(f);
  return {
    vixBand: bandOf(VIX_BANDS, f.vix),
    trend: !known(f.change3dPct) ? 'UNKNOWN' : f.change3dPct > 1 ? 'UP' : f.change3dPct < -1 ? 'DOWN' : 'FLAT',
    dteBucket: bandOf(DTE_BUCKETS, f.daysToExpiry),
    eventProximity: !known(f.eventsBeforeExpiry) ? 'UNKNOWN' : f.eventsBeforeExpiry > 0 ? 'EVENT' : 'NONE',
    strikeSigma: bandOf(SIGMA_BANDS, sigma),
    oiSignal: f.oiSignal ?? 'UNKNOWN',
    sector: f.sectorVerdict ?? 'UNKNOWN',
  };
}
