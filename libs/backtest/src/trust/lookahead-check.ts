import { epochMsOfIst, istMinuteOf, type IsoDate } from '@mcube/domain';
import type { BacktestRun } from '../engine/backtest-engine';
import type { DecisionRow } from '../report/decision-row';
import type { TradeRow } from '../report/report.types';
import { tradeRows } from '../report/trade-rows';

/** One difference between the full run and a run ended at a cut. */
export interface LookaheadDifference {
  readonly what: 'DECISION' | 'TRADE';
  /** The decision or trade, named: '2019-06-05 10:00 SKIP SKIPPED FILTER_FAILED:GIFT_NIFTY'. */
  readonly name: string;
  readonly full: string | null;
  readonly truncated: string | null;
}

/** The comparison at one cut. */
export interface LookaheadCut {
  /** IST 'YYYY-MM-DDTHH:MM' the truncated run ended at. */
  readonly cutAt: string;
  readonly decisionsCompared: number;
  readonly tradesCompared: number;
  readonly differences: readonly LookaheadDifference[];
}

/** The look-ahead analysis: ok when no cut found a difference. */
export interface LookaheadResult {
  readonly ok: boolean;
  readonly cuts: readonly LookaheadCut[];
}

const nameOf = (row: DecisionRow) => `${row.date} ${row.time} ${row.kind} ${row.decision} ${row.reasonCode}${row.positionId ? ` (${row.positionId})` : ''}`;

function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i >= a.length && i >= b.length ? '' : ` at …${a.slice(Math.max(0, i - 40), i + 40)}… vs …${b.slice(Math.max(0, i - 40), i + 40)}…`;
}

function compareDecisions(full: BacktestRun, cut: BacktestRun, cutMs: number): { compared: number; differences: LookaheadDifference[] } {
  const before = (run: BacktestRun) => run.journal.occurredAts.map((at, i) => ({ at, row: run.journal.rows[i], json: run.journal.fullRecords[i] ?? JSON.stringify(run.journal.rows[i]) })).filter((d) => d.at < cutMs);
  const a = before(full);
  const b = before(cut);
  const differences: LookaheadDifference[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i]?.json === b[i]?.json) continue;
    const row = a[i]?.row ?? b[i]?.row;
    differences.push({ what: 'DECISION', name: nameOf(row), full: a[i] ? `${nameOf(a[i].row)}${b[i] ? firstDiff(a[i].json, b[i].json) : ''}` : null, truncated: b[i] ? nameOf(b[i].row) : null });
    if (differences.length >= 5) break;
  }
  return { compared: a.length, differences };
}

function closedBefore(run: BacktestRun, cutMs: number): TradeRow[] {
  const cut = istMinuteOf(cutMs);
  return tradeRows(run.book, run.exitReasons, run.journal.rows).filter((t) => t.exitAt < cut);
}


function compareTrades(full: BacktestRun, cut: BacktestRun, cutMs: number): { compared: number; differences: LookaheadDifference[] } {
  const a = closedBefore(full, cutMs);
  const b = closedBefore(cut, cutMs);
  const differences: LookaheadDifference[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ? JSON.stringify(a[i]) : null;
    const y = b[i] ? JSON.stringify(b[i]) : null;
    if (x === y) continue;
    const t = a[i] ?? b[i];
    differences.push({ what: 'TRADE', name: `trade ${t.positionId} ${t.entryAt} → ${t.exitAt}`, full: x, truncated: y });
    if (differences.length >= 5) break;
  }
  return { compared: a.length, differences };
}

/**
 * Cut instants for a run: `count` trading days spread evenly over its days, each at `time`
 * IST (mid-session by default, so a peek at the same day's close is caught).
 */
export function lookaheadCuts(days: readonly { readonly date: IsoDate }[], count: number, time = '12:00'): number[] {
  if (days.length < 2) return [];
  const picks = new Set<number>();
  for (let k = 1; k <= count; k++) picks.add(Math.min(days.length - 1, Math.floor((k * days.length) / (count + 1))));
  return [...picks].map((i) => epochMsOfIst(days[i].date, time));
}

/**
 * Freqtrade-style look-ahead analysis: the same backtest ended at each cut (`runTo`, which must
 * give the strategy only the history known at the cut) against the full run (`full`, run with
 * full decisions kept). Every decision taken before a cut and every trade closed before it must
 * be identical; each difference is named. Deterministic.
 */
export async function lookaheadCheck(input: { full: BacktestRun; cutsMs: readonly number[]; runTo: (endMs: number) => Promise<BacktestRun> }): Promise<LookaheadResult> {
  const cuts: LookaheadCut[] = [];
  for (const cutMs of input.cutsMs) {
    const truncated = await input.runTo(cutMs);
    const d = compareDecisions(input.full, truncated, cutMs);
    const t = compareTrades(input.full, truncated, cutMs);
    cuts.push({ cutAt: istMinuteOf(cutMs), decisionsCompared: d.compared, tradesCompared: t.compared, differences: [...d.differences, ...t.differences] });
  }
  return { ok: cuts.every((c) => c.differences.length === 0), cuts };
}
