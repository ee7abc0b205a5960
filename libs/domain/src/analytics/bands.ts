/** Band of a value: `below` is exclusive; the last band has no upper bound. */
interface Band {
  readonly key: string;
  readonly below: number;
}

/**
 * India VIX bands, aligned with the strangle's thresholds (elevated above 15, high above 18,
 * default skip above 20) and the plan's "VIX > 22" example.
 */
export const VIX_BANDS: readonly Band[] = [
  { key: 'VIX<15', below: 15 },
  { key: 'VIX 15-18', below: 18 },
  { key: 'VIX 18-22', below: 22 },
  { key: 'VIX≥22', below: Infinity },
];

/** Days-to-expiry buckets at entry: weekly options (0–7) and monthly futures (8+). */
export const DTE_BUCKETS: readonly Band[] = [
  { key: 'DTE 0-1', below: 2 },
  { key: 'DTE 2-3', below: 4 },
  { key: 'DTE 4-7', below: 8 },
  { key: 'DTE 8-15', below: 16 },
  { key: 'DTE 16+', below: Infinity },
];

/** The key for a missing value. */
export const UNKNOWN_BAND = 'UNKNOWN';

/** The band of `value` in `bands` (UNKNOWN for null/undefined/NaN). */
export function bandOf(bands: readonly Band[], value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return UNKNOWN_BAND;
  return (bands.find((b) => value < b.below) ?? bands[bands.length - 1]).key;
}

/** Band keys in order, UNKNOWN last: the order breakdowns are listed in. */
export function bandOrder(bands: readonly Band[]): readonly string[] {
  return [...bands.map((b) => b.key), UNKNOWN_BAND];
}

/** Lower and upper bound of a band key (the upper exclusive, Infinity for the last). */
export function bandBounds(bands: readonly Band[], key: string): { from: number; below: number } | null {
  const i = bands.findIndex((b) => b.key === key);
  if (i < 0) return null;
  return { from: i === 0 ? -Infinity : bands[i - 1].below, below: bands[i].below };
}
