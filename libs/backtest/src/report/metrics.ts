import { addDays, isoWeekday, type IsoDate } from '@mcube/domain';

/** One trading day's closing equity (capital + realised net + open P&L at the close marks), paise. */
export interface EquityPoint {
  readonly date: IsoDate;
  readonly equityPaise: number;
}

/** Win rate, profit factor and totals of a list of trades (net of charges), paise. */
export function tradeStats(trades: readonly { readonly netPnlPaise: number; readonly grossPnlPaise: number; readonly chargesPaise: number }[]) {
  let wins = 0;
  let won = 0;
  let lost = 0;
  let net = 0;
  let gross = 0;
  let charges = 0;
  for (const t of trades) {
    net += t.netPnlPaise;
    gross += t.grossPnlPaise;
    charges += t.chargesPaise;
    if (t.netPnlPaise > 0) {
      wins++;
      won += t.netPnlPaise;
    } else lost -= t.netPnlPaise;
  }
  return {
    trades: trades.length,
    /** Fraction 0..1 of trades with a positive net. */
    winRate: trades.length > 0 ? wins / trades.length : 0,
    /** Σ net of winners ÷ |Σ net of losers|; null without a losing trade. */
    profitFactor: lost > 0 ? won / lost : null,
    netPnlPaise: net,
    grossPnlPaise: gross,
    chargesPaise: charges,
  };
}

/** Largest fall of equity from a running peak (the allocated capital is the first peak), paise and percent of that peak. */
export function maxDrawdown(points: readonly EquityPoint[], capitalPaise: number): { maxDrawdownPaise: number; maxDrawdownPct: number; peakDate: IsoDate | null; troughDate: IsoDate | null } {
  let peak = capitalPaise;
  let peakDate: IsoDate | null = null;
  let best = { maxDrawdownPaise: 0, maxDrawdownPct: 0, peakDate: null as IsoDate | null, troughDate: null as IsoDate | null };
  for (const p of points) {
    if (p.equityPaise > peak) {
      peak = p.equityPaise;
      peakDate = p.date;
    }
    const dd = peak - p.equityPaise;
    if (dd > best.maxDrawdownPaise) best = { maxDrawdownPaise: dd, maxDrawdownPct: (dd / peak) * 100, peakDate, troughDate: p.date };
  }
  return best;
}

/** Equity change per period (the key of each date), in date order; the first period starts from the capital. */
export function periodChanges(points: readonly EquityPoint[], capitalPaise: number, keyOf: (date: IsoDate) => string): { key: string; pnlPaise: number }[] {
  const out: { key: string; pnlPaise: number }[] = [];
  let before = capitalPaise;
  let last = capitalPaise;
  let key: string | null = null;
  for (const p of points) {
    const k = keyOf(p.date);
    if (k !== key) {
      if (key !== null) out.push({ key, pnlPaise: last - before });
      before = last;
      key = k;
    }
    last = p.equityPaise;
  }
  if (key !== null) out.push({ key, pnlPaise: last - before });
  return out;
}

/** The Monday of `date`'s ISO week: the key of weekly figures (the risk limits' week). */
export const weekOf = (date: IsoDate): string => addDays(date, 1 - isoWeekday(date));
export const monthOf = (date: IsoDate): string => date.slice(0, 7);

/**
 * Annualised Sharpe and Sortino ratios of daily equity returns (ΔE ÷ previous E), √252
 * scaling, risk-free rate 0; null with fewer than two returns or no dispersion.
 */
export function riskAdjusted(points: readonly EquityPoint[], capitalPaise: number): { sharpe: number | null; sortino: number | null } {
  const returns: number[] = [];
  let prev = capitalPaise;
  for (const p of points) {
    returns.push((p.equityPaise - prev) / prev);
    prev = p.equityPaise;
  }
  if (returns.length < 2) return { sharpe: null, sortino: null };
  const mean = returns.reduce((s, r) => s + r, 0) / returns.length;
  const variance = returns.reduce((s, r) => s + (r - mean) ** 2, 0) / (returns.length - 1);
  const downside = Math.sqrt(returns.reduce((s, r) => s + Math.min(0, r) ** 2, 0) / returns.length);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { sharpe: variance > 0 ? round((mean / Math.sqrt(variance)) * Math.sqrt(252)) : null, sortino: downside > 0 ? round((mean / downside) * Math.sqrt(252)) : null };
}
