/** IST is UTC+05:30 all year (no daylight saving). */
export const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;

/**
 * The IST calendar date (YYYY-MM-DD) of an instant, whatever the browser's time zone: the
 * journal and the market calendar are keyed by the Indian trading day, not the viewer's.
 */
export function istDateOf(epochMs: number): string {
  return new Date(epochMs + IST_OFFSET_MS).toISOString().slice(0, 10);
}
