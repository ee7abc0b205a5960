import type { DecisionRow } from '../report/decision-row';

/** A trade as both sides of the comparison describe it (the report's trade shape; paper trades mapped to it). */
export interface ComparableTrade {
  readonly positionId?: string;
  /** IST 'YYYY-MM-DDTHH:MM'. */
  readonly entryAt: string;
  readonly exitAt: string;
  readonly legs: readonly { readonly instrument: string; readonly side: 'BUY' | 'SELL'; readonly quantity: number; readonly entryPrice: number; readonly exitPrice: number | null }[];
  readonly netPnlPaise: number;
  readonly chargesPaise?: number;
  readonly exitReason: string;
}

/** Why paper and backtest differ on one point. */
export type DriftCause = 'FILL_PRICE' | 'TIMING' | 'MISSING_DATA' | 'DECISION' | 'STRIKES' | 'SIZING' | 'EXIT';

/** One explained difference. */
export interface DriftDifference {
  readonly field: string;
  readonly paper: unknown;
  readonly backtest: unknown;
  readonly cause: DriftCause;
  readonly explanation: string;
  /** Share of the net P&L difference this accounts for, paise (backtest − paper), where it can be attributed. */
  readonly pnlEffectPaise?: number;
}

/** One entry day side by side. */
export interface DriftRow {
  readonly entryDate: string;
  readonly paper: ComparableTrade | null;
  readonly backtest: ComparableTrade | null;
  /** backtest − paper net P&L, paise (a missing side counts 0). */
  readonly netDifferencePaise: number;
  readonly differences: readonly DriftDifference[];
}

/** The drift report of a period. */
export interface DriftReport {
  readonly rows: readonly DriftRow[];
  readonly paperNetPaise: number;
  readonly backtestNetPaise: number;
  /** Σ of attributed P&L effects by cause, paise. */
  readonly byCause: Readonly<Partial<Record<DriftCause, number>>>;
  readonly matched: number;
  readonly paperOnly: number;
  readonly backtestOnly: number;
}

const dayOf = (t: ComparableTrade) => t.entryAt.slice(0, 10);
const strikeOf = (instrument: string) => instrument.replace(/^.*?-\d{4}-\d{2}-\d{2}-/, '');
const sign = (side: 'BUY' | 'SELL') => (side === 'SELL' ? 1 : -1);

function whyMissing(date: string, decisions: readonly DecisionRow[], side: 'paper' | 'backtest'): { cause: DriftCause; explanation: string } {
  const day = decisions.filter((d) => d.date === date && (d.kind === 'SKIP' || d.kind === 'ENTRY' || d.decision === 'MONITOR_ONLY'));
  if (side === 'backtest') {
    if (day.length === 0) return { cause: 'MISSING_DATA', explanation: `the backtest made no entry decision on ${date} (no market data that day)` };
    const last = day[day.length - 1];
    if (last.reasonCode === 'MARKET_DATA_UNAVAILABLE') return { cause: 'MISSING_DATA', explanation: `the backtest skipped: ${last.message}` };
    if (last.decision === 'MONITOR_ONLY') return { cause: 'TIMING', explanation: 'the backtest still held an earlier position' };
    return { cause: 'DECISION', explanation: `the backtest decided ${last.decision} ${last.reasonCode} on its inputs (${last.message})` };
  }
  const last = day[day.length - 1];
  return { cause: 'DECISION', explanation: last ? `the backtest entered (${last.reasonCode}); paper did not trade that day (its inputs, a refusal or a stop of the runner)` : 'paper did not trade that day' };
}

function compare(p: ComparableTrade, b: ComparableTrade): DriftDifference[] {
  const out: DriftDifference[] = [];
  if (p.entryAt !== b.entryAt) out.push({ field: 'entryAt', paper: p.entryAt, backtest: b.entryAt, cause: 'TIMING', explanation: 'entered at a different time (the backtest ticks on 15-minute bars; paper on the live schedule)' });
  const pk = p.legs.map((l) => strikeOf(l.instrument)).sort().join(',');
  const bk = b.legs.map((l) => strikeOf(l.instrument)).sort().join(',');
  if (pk !== bk) out.push({ field: 'strikes', paper: pk, backtest: bk, cause: 'STRIKES', explanation: 'different strikes: the spot, VIX or chain at the decision differed (replayed bars vs live ticks, GIFT Nifty proxy, modelled chain)' });
  for (const pl of p.legs) {
    const bl = b.legs.find((l) => l.instrument === pl.instrument);
    if (!bl) continue;
    const qty = Math.min(pl.quantity, bl.quantity);
    if (pl.quantity !== bl.quantity) out.push({ field: `${pl.instrument} quantity`, paper: pl.quantity, backtest: bl.quantity, cause: 'SIZING', explanation: 'a different size: margin or lot size at the decision differed' });
    if (pl.entryPrice !== bl.entryPrice) {
      out.push({ field: `${pl.instrument} entryPrice`, paper: pl.entryPrice, backtest: bl.entryPrice, cause: 'FILL_PRICE', explanation: 'entry fill price differs (a modelled price and spread vs the paper fill, or slippage)', pnlEffectPaise: Math.round((bl.entryPrice - pl.entryPrice) * 100 * qty * sign(pl.side)) });
    }
    if (pl.exitPrice !== null && bl.exitPrice !== null && pl.exitPrice !== bl.exitPrice) {
      out.push({ field: `${pl.instrument} exitPrice`, paper: pl.exitPrice, backtest: bl.exitPrice, cause: p.exitAt === b.exitAt ? 'FILL_PRICE' : 'TIMING', explanation: p.exitAt === b.exitAt ? 'exit fill price differs at the same time' : 'exited at a different time, so at a different price', pnlEffectPaise: Math.round((pl.exitPrice - bl.exitPrice) * 100 * qty * sign(pl.side)) });
    }
  }
  if (p.exitReason !== b.exitReason) out.push({ field: 'exitReason', paper: p.exitReason, backtest: b.exitReason, cause: 'EXIT', explanation: 'a different exit rule fired (the marks that decide the exit differed)' });
  else if (p.exitAt !== b.exitAt) out.push({ field: 'exitAt', paper: p.exitAt, backtest: b.exitAt, cause: 'TIMING', explanation: 'the same exit rule fired at a different time (15-minute bars vs the live 5-second monitor)' });
  if (p.chargesPaise !== undefined && b.chargesPaise !== undefined && p.chargesPaise !== b.chargesPaise) out.push({ field: 'chargesPaise', paper: p.chargesPaise, backtest: b.chargesPaise, cause: 'FILL_PRICE', explanation: 'charges follow the fill prices and quantities', pnlEffectPaise: p.chargesPaise - b.chargesPaise });
  return out;
}

/**
 * Paper trades of a period against the backtest of the same period: entries paired by IST
 * entry date (one position at a time), each pair's differences listed with a cause (fill
 * price, timing, strikes, sizing, exit rule) and, where it can be attributed, its effect on
 * the net P&L; a day only one side traded is explained from the backtest's decisions that day
 * (missing data, an earlier position still held, or a different decision). Pure.
 */
export function driftReport(input: { readonly paper: readonly ComparableTrade[]; readonly backtest: readonly ComparableTrade[]; readonly backtestDecisions: readonly DecisionRow[] }): DriftReport {
  const dates = [...new Set([...input.paper.map(dayOf), ...input.backtest.map(dayOf)])].sort();
  const rows: DriftRow[] = [];
  const byCause: Partial<Record<DriftCause, number>> = {};
  let matched = 0;
  let paperOnly = 0;
  let backtestOnly = 0;
  for (const date of dates) {
    const p = input.paper.find((t) => dayOf(t) === date) ?? null;
    const b = input.backtest.find((t) => dayOf(t) === date) ?? null;
    let differences: DriftDifference[];
    if (p && b) {
      matched++;
      differences = compare(p, b);
    } else {
      const side = p ? 'backtest' : 'paper';
      if (p) paperOnly++;
      else backtestOnly++;
      const why = whyMissing(date, input.backtestDecisions, side);
      differences = [{ field: 'trade', paper: p ? 'traded' : 'no trade', backtest: b ? 'traded' : 'no trade', ...why, pnlEffectPaise: (b?.netPnlPaise ?? 0) - (p?.netPnlPaise ?? 0) }];
    }
    for (const d of differences) if (d.pnlEffectPaise !== undefined) byCause[d.cause] = (byCause[d.cause] ?? 0) + d.pnlEffectPaise;
    rows.push({ entryDate: date, paper: p, backtest: b, netDifferencePaise: (b?.netPnlPaise ?? 0) - (p?.netPnlPaise ?? 0), differences });
  }
  const sum = (ts: readonly ComparableTrade[]) => ts.reduce((s, t) => s + t.netPnlPaise, 0);
  return { rows, paperNetPaise: sum(input.paper), backtestNetPaise: sum(input.backtest), byCause, matched, paperOnly, backtestOnly };
}
