/** One closed position as the statistics need it: net P&L (after charges) and the margin it used. */
export interface ClosedPositionResult {
  readonly netPnlPaise: number;
  readonly marginUsedPaise: number;
}

/** Plain statistics of a strategy's closed positions. */
export interface ClosedPositionStats {
  readonly count: number;
  readonly profitable: number;
  /** profitable / count, 0..1 (0 without positions). */
  readonly winRate: number;
  readonly totalNetPnlPaise: number;
  /** Mean net P&L per position, paise, rounded to the paisa. */
  readonly avgNetPnlPaise: number;
  /** Mean return on margin of the winners, percent (1.5 = 1.5%); 0 without winners. */
  readonly avgProfitPct: number;
  /** Mean return on margin of the losers (and flat ones), percent, ≤ 0; 0 without any. */
  readonly avgLossPct: number;
  readonly grossProfitPaise: number;
  /** Sum of the losses, as a positive number. */
  readonly grossLossPaise: number;
  /** grossProfit / grossLoss; null when there is no loss to divide by. */
  readonly profitFactor: number | null;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);
const returnPct = (r: ClosedPositionResult) => (r.marginUsedPaise > 0 ? (100 * r.netPnlPaise) / r.marginUsedPaise : 0);

/** Win rate, averages and profit factor of closed positions; a position is a win when its net P&L is above zero. Pure. */
export function closedPositionStats(results: readonly ClosedPositionResult[]): ClosedPositionStats {
  const wins = results.filter((r) => r.netPnlPaise > 0);
  const others = results.filter((r) => r.netPnlPaise <= 0);
  const totalNetPnlPaise = results.reduce((s, r) => s + r.netPnlPaise, 0);
  const grossProfitPaise = wins.reduce((s, r) => s + r.netPnlPaise, 0);
  const grossLossPaise = -others.reduce((s, r) => s + r.netPnlPaise, 0);
  return {
    count: results.length,
    profitable: wins.length,
    winRate: results.length === 0 ? 0 : wins.length / results.length,
    totalNetPnlPaise,
    avgNetPnlPaise: results.length === 0 ? 0 : Math.round(totalNetPnlPaise / results.length),
    avgProfitPct: mean(wins.map(returnPct)),
    avgLossPct: mean(others.map(returnPct)),
    grossProfitPaise,
    grossLossPaise,
    profitFactor: grossLossPaise > 0 ? grossProfitPaise / grossLossPaise : null,
  };
}
