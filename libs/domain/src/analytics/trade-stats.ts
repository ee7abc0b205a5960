import type { AnalyticsTrade, BreakdownRow } from './analytics.types';

/** A trade is a win when its net P&L (after charges) is above zero. */
export const isWin = (t: Pick<AnalyticsTrade, 'netPnlPaise'>): boolean => t.netPnlPaise > 0;

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const meanRounded = (xs: readonly number[]) => (xs.length === 0 ? 0 : Math.round(sum(xs) / xs.length));

/** Win/loss figures of trades (net of charges), without the drawdown. */
export function tradeFigures(trades: readonly AnalyticsTrade[]) {
  const wins = trades.filter(isWin).map((t) => t.netPnlPaise);
  const losses = trades.filter((t) => !isWin(t)).map((t) => t.netPnlPaise);
  const grossLossPaise = -sum(losses);
  return {
    trades: trades.length,
    wins: wins.length,
    losses: losses.length,
    winRateFraction: trades.length === 0 ? 0 : wins.length / trades.length,
    grossPnlPaise: sum(trades.map((t) => t.grossPnlPaise)),
    chargesPaise: sum(trades.map((t) => t.chargesPaise)),
    netPnlPaise: sum(trades.map((t) => t.netPnlPaise)),
    grossProfitPaise: sum(wins),
    grossLossPaise,
    profitFactor: grossLossPaise > 0 ? sum(wins) / grossLossPaise : null,
    avgWinPaise: meanRounded(wins),
    avgLossPaise: meanRounded(losses),
    expectancyPaise: meanRounded(trades.map((t) => t.netPnlPaise)),
    maxConsecutiveLosses: maxConsecutiveLosses(trades),
  };
}

/** The longest run of non-winning trades in exit order (ties by id). */
export function maxConsecutiveLosses(trades: readonly AnalyticsTrade[]): number {
  let run = 0;
  let max = 0;
  for (const t of byExit(trades)) {
    run = isWin(t) ? 0 : run + 1;
    max = Math.max(max, run);
  }
  return max;
}

/** Trades in exit order (exit time, then id), the order of every curve and streak. */
export function byExit(trades: readonly AnalyticsTrade[]): AnalyticsTrade[] {
  return [...trades].sort((a, b) => a.exitAt.localeCompare(b.exitAt) || a.id.localeCompare(b.id, undefined, { numeric: true }));
}

/**
 * Trades grouped by `keyOf`: one row per key with trades, wins, win rate and net P&L. Rows
 * follow `order` when given (keys outside it after, alphabetically), else by key.
 */
export function breakdown(trades: readonly AnalyticsTrade[], keyOf: (t: AnalyticsTrade) => string, order?: readonly string[]): BreakdownRow[] {
  const groups = new Map<string, AnalyticsTrade[]>();
  for (const t of trades) groups.set(keyOf(t), [...(groups.get(keyOf(t)) ?? []), t]);
  const rank = (k: string) => (order?.includes(k) ? order.indexOf(k) : Number.MAX_SAFE_INTEGER);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, ts]) => {
      const wins = ts.filter(isWin).length;
      const net = sum(ts.map((t) => t.netPnlPaise));
      return { key, trades: ts.length, wins, winRateFraction: wins / ts.length, netPnlPaise: net, avgNetPnlPaise: Math.round(net / ts.length) };
    });
}
