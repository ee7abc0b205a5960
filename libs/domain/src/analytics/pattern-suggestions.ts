import { bandBounds, DTE_BUCKETS, VIX_BANDS } from './bands';
import type { PatternStats } from './patterns';

/** When a pattern is "far from the strategy's average" (stored settings, never hard-coded in a caller). */
export interface SuggestionRule {
  /** Fewest closed positions a pattern needs before it may suggest anything. */
  readonly minSamples: number;
  /** How far below the strategy's win rate the pattern's must be, 0..1 (0.25 = 25 points). */
  readonly minWinRateGapFraction: number;
}

/** A proposed parameter change with its evidence; applied only when a person accepts it. */
export interface ParameterSuggestion {
  readonly strategy: string;
  readonly pattern: string;
  readonly parameter: string;
  readonly currentValue: number | null;
  readonly suggestedValue: number;
  readonly reason: string;
  readonly evidence: { readonly pattern: PatternStats; readonly baseline: PatternStats };
}

/** The strategy parameters a pattern can be turned into, and their allowed ranges. */
const LIMITS: Record<string, { readonly minDaysToExpiry?: number; readonly maxVix?: readonly [number, number] }> = {
  WEEKLY_NIFTY_STRANGLE: { minDaysToExpiry: 7, maxVix: [5, 100] },
  LLM_VALIDATED_FUTURES: { minDaysToExpiry: 60 },
};

const pct = (f: number) => `${(100 * f).toFixed(0)}%`;

/** The parameter change that stops entering in the pattern's condition, or null when none expresses it. */
function changeFor(p: PatternStats): { parameter: string; value: number; what: string } | null {
  const dims = Object.keys(p.conditions);
  if (dims.length !== 1) return null;
  const limits = LIMITS[p.strategy];
  if (!limits) return null;
  if (p.conditions.vixBand !== undefined && limits.maxVix) {
    const b = bandBounds(VIX_BANDS, p.conditions.vixBand);
    if (!b || !Number.isFinite(b.from) || b.from < limits.maxVix[0] || b.from > limits.maxVix[1]) return null;
    return { parameter: 'maxVix', value: b.from, what: `skip entries when India VIX is above ${b.from}` };
  }
  if (p.conditions.dteBucket !== undefined && limits.minDaysToExpiry !== undefined) {
    const b = bandBounds(DTE_BUCKETS, p.conditions.dteBucket);
    if (!b || !Number.isFinite(b.below) || b.below > limits.minDaysToExpiry) return null;
    return { parameter: 'minDaysToExpiry', value: b.below, what: `skip entries with fewer than ${b.below} days to expiry` };
  }
  return null;
}

/** Whether a change would tighten the stored value (a looser or equal one is no suggestion). */
function tightens(parameter: string, current: number | null, value: number): boolean {
  if (current === null) return true;
  return parameter === 'maxVix' ? value < current : value > current;
}

/**
 * Suggestions from pattern statistics: a pattern with at least `minSamples` positions that
 * loses on average and whose win rate is at least `minWinRateGapFraction` below its strategy's
 * becomes a tightening of the one parameter that avoids it (VIX band → `maxVix`, days to
 * expiry → `minDaysToExpiry`), when that is tighter than `currentOf` says. Never applied here.
 */
export function patternSuggestions(input: {
  readonly patterns: readonly PatternStats[];
  readonly baselines: readonly PatternStats[];
  readonly rule: SuggestionRule;
  readonly currentOf: (strategy: string, parameter: string) => number | null;
}): ParameterSuggestion[] {
  const out: ParameterSuggestion[] = [];
  for (const p of input.patterns) {
    const baseline = input.baselines.find((b) => b.strategy === p.strategy);
    if (!baseline || p.count < input.rule.minSamples || p.avgNetPnlPaise >= 0) continue;
    if (baseline.winRateFraction - p.winRateFraction < input.rule.minWinRateGapFraction) continue;
    const change = changeFor(p);
    if (!change) continue;
    const current = input.currentOf(p.strategy, change.parameter);
    if (!tightens(change.parameter, current, change.value)) continue;
    out.push({
      strategy: p.strategy,
      pattern: p.pattern,
      parameter: change.parameter,
      currentValue: current,
      suggestedValue: change.value,
      reason:
        `${change.what}: ${p.count} positions in ${p.pattern} won ${pct(p.winRateFraction)} (strategy ${pct(baseline.winRateFraction)} over ${baseline.count}), ` +
        `average ${(p.avgNetPnlPaise / 100).toFixed(0)} ₹ net per position (strategy ${(baseline.avgNetPnlPaise / 100).toFixed(0)} ₹).`,
      evidence: { pattern: p, baseline },
    });
  }
  return out;
}
