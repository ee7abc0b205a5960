import { formatPaise, type PatternStats } from '@mcube/domain';

/** What a weekly insight is written from. */
export interface InsightFacts {
  readonly weekStart: string;
  readonly baselines: readonly PatternStats[];
  /** Patterns with enough samples, best and worst first. */
  readonly patterns: readonly PatternStats[];
  readonly openSuggestions: readonly { readonly parameter: string; readonly suggestedValue: number; readonly reason: string }[];
}

const pct = (f: number) => `${(100 * f).toFixed(0)}%`;
const line = (p: PatternStats) => `${p.pattern}: ${p.count} positions, won ${pct(p.winRateFraction)}, average ${formatPaise(p.avgNetPnlPaise)}`;

/** The plain rules-written summary (no model): each strategy's record, its best and worst pattern, and the open suggestions. */
export function rulesInsight(f: InsightFacts): string {
  if (f.baselines.length === 0) return `Week of ${f.weekStart}: no closed position recorded yet; nothing to learn from.`;
  const parts = [`Week of ${f.weekStart}.`];
  for (const b of f.baselines) {
    const mine = [...f.patterns.filter((p) => p.strategy === b.strategy)].sort((x, y) => y.avgNetPnlPaise - x.avgNetPnlPaise);
    parts.push(`${b.strategy}: ${b.count} closed positions, won ${pct(b.winRateFraction)}, net ${formatPaise(b.netPnlPaise)} (average ${formatPaise(b.avgNetPnlPaise)}).`);
    if (mine.length > 0) parts.push(`Best: ${line(mine[0])}.`);
    if (mine.length > 1) parts.push(`Worst: ${line(mine[mine.length - 1])}.`);
  }
  parts.push(f.openSuggestions.length === 0 ? 'No suggestion is open.' : `Open suggestions: ${f.openSuggestions.map((s) => `${s.parameter} → ${s.suggestedValue}`).join('; ')}.`);
  return parts.join(' ');
}

/** The prompt the language model gets: the same facts as JSON; it may only summarise them. */
export function insightPrompt(f: InsightFacts): string {
  return (
    'You review an options and futures trading system. Summarise in at most 120 words, plainly, what the statistics below say ' +
    'about where the strategies made and lost money this week. Use only these figures (money in paise), do not invent any, ' +
    'and do not recommend trades.\n' +
    JSON.stringify(f)
  );
}
