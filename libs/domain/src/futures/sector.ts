import { assertFinite } from '../validation/assert';

/** Sector verdict of plan §6. */
export type SectorVerdict = 'STRONG_BULLISH' | 'STRONG_BEARISH' | 'MIXED';

/** Result of {@link analyzeSector}. */
export interface SectorAnalysis {
  readonly verdict: SectorVerdict;
  readonly allowLong: boolean;
  readonly allowShort: boolean;
  readonly reason: string;
  readonly performance: { readonly perf3d: number; readonly perf7d: number; readonly perf21d: number };
}

/**
 * Sector filter exactly as plan §6 `analyze_sector` (NON-NEGOTIABLE): all of the 3-, 7- and
 * 21-day sector performances > 0 → STRONG_BULLISH (long only); all < 0 → STRONG_BEARISH
 * (short only); anything else → MIXED, no trade. A zero counts as mixed.
 *
 * @throws DomainError INVALID_ARGUMENT for a non-finite performance.
 */
export function analyzeSector(input: { perf3d: number; perf7d: number; perf21d: number }): SectorAnalysis {
  const { perf3d, perf7d, perf21d } = input;
  assertFinite('perf3d', perf3d);
  assertFinite('perf7d', perf7d);
  assertFinite('perf21d', perf21d);
  const performance = { perf3d, perf7d, perf21d };
  if (perf3d > 0 && perf7d > 0 && perf21d > 0) {
    return { verdict: 'STRONG_BULLISH', allowLong: true, allowShort: false, performance, reason: 'All timeframes positive - strong sector tailwind' };
  }
  if (perf3d < 0 && perf7d < 0 && perf21d < 0) {
    return { verdict: 'STRONG_BEARISH', allowLong: false, allowShort: true, performance, reason: 'All timeframes negative - strong sector headwind' };
  }
  return { verdict: 'MIXED', allowLong: false, allowShort: false, performance, reason: 'Mixed sector signals - no clear trend' };
}
