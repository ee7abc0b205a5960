import { CONDITION_DIMENSIONS, type ConditionDimension, type EntryCondition } from './entry-condition';

/** One closed position with its entry condition and outcome (net of charges, paise). */
export interface PatternOutcome {
  readonly positionId: string;
  readonly strategy: string;
  readonly condition: EntryCondition;
  readonly netPnlPaise: number;
}

/** A pattern: one or two condition classes, e.g. `vixBand=VIX≥22` or `vixBand=VIX≥22&dteBucket=DTE 0-1`. */
export interface PatternStats {
  readonly strategy: string;
  readonly pattern: string;
  readonly conditions: Readonly<Partial<Record<ConditionDimension, string>>>;
  /** The sample size. */
  readonly count: number;
  readonly wins: number;
  readonly winRateFraction: number;
  readonly netPnlPaise: number;
  readonly avgNetPnlPaise: number;
  /** Σ wins / Σ |losses|; null without a loss. */
  readonly profitFactor: number | null;
}

/** The condition pairs also tracked together (the plan's "VIX > 22 with fewer than 3 days to expiry"). */
export const PATTERN_PAIRS: readonly (readonly [ConditionDimension, ConditionDimension])[] = [['vixBand', 'dteBucket'], ['vixBand', 'eventProximity'], ['trend', 'strikeSigma']];

/** The pattern name of some conditions, dimensions in `CONDITION_DIMENSIONS` order. */
export function patternName(conditions: Partial<Record<ConditionDimension, string>>): string {
  return CONDITION_DIMENSIONS.filter((d) => conditions[d] !== undefined)
    .map((d) => `${d}=${conditions[d]}`)
    .join('&');
}

/** The patterns one outcome belongs to: every known single class and every known pair. */
export function patternsOf(c: EntryCondition): Partial<Record<ConditionDimension, string>>[] {
  const singles = CONDITION_DIMENSIONS.filter((d) => c[d] !== 'UNKNOWN').map((d) => ({ [d]: c[d] }));
  const pairs = PATTERN_PAIRS.filter(([a, b]) => c[a] !== 'UNKNOWN' && c[b] !== 'UNKNOWN').map(([a, b]) => ({ [a]: c[a], [b]: c[b] }));
  return [...singles, ...pairs];
}

/** Figures of a group of outcomes. */
export function statsOf(strategy: string, pattern: string, conditions: PatternStats['conditions'], outcomes: readonly PatternOutcome[]): PatternStats {
  const wins = outcomes.filter((o) => o.netPnlPaise > 0);
  const net = outcomes.reduce((s, o) => s + o.netPnlPaise, 0);
  const profit = wins.reduce((s, o) => s + o.netPnlPaise, 0);
  const loss = profit - net;
  return {
    strategy,
    pattern,
    conditions,
    count: outcomes.length,
    wins: wins.length,
    winRateFraction: outcomes.length === 0 ? 0 : wins.length / outcomes.length,
    netPnlPaise: net,
    avgNetPnlPaise: outcomes.length === 0 ? 0 : Math.round(net / outcomes.length),
    profitFactor: loss > 0 ? profit / loss : null,
  };
}

/**
 * Statistics of every pattern seen, per strategy, sorted by strategy then pattern name. A
 * strategy's baseline (all its outcomes) is in `baselines`. Pure; recomputed from all outcomes.
 */
export function patternStatistics(outcomes: readonly PatternOutcome[]): { patterns: PatternStats[]; baselines: PatternStats[] } {
  const groups = new Map<string, { strategy: string; conditions: PatternStats['conditions']; outcomes: PatternOutcome[] }>();
  for (const o of outcomes) {
    for (const conditions of patternsOf(o.condition)) {
      const key = `${o.strategy}|${patternName(conditions)}`;
      const g = groups.get(key) ?? { strategy: o.strategy, conditions, outcomes: [] };
      g.outcomes.push(o);
      groups.set(key, g);
    }
  }
  const strategies = [...new Set(outcomes.map((o) => o.strategy))].sort();
  return {
    patterns: [...groups.values()]
      .map((g) => statsOf(g.strategy, patternName(g.conditions), g.conditions, g.outcomes))
      .sort((a, b) => a.strategy.localeCompare(b.strategy) || a.pattern.localeCompare(b.pattern)),
    baselines: strategies.map((s) => statsOf(s, 'ALL', {}, outcomes.filter((o) => o.strategy === s))),
  };
}
