import type { AlertResponse, DecisionResponse } from '@mcube/contracts';
import { istDateOf } from '../../../core/time/ist-date';

/** How many alerts and timeline entries the dashboard keeps (the full history is the API's). */
export const FEED_LIMIT = 50;

/** The feed after an alert arrived or changed: replaced by id, newest first, capped. */
export function withAlert(list: readonly AlertResponse[], a: AlertResponse, limit = FEED_LIMIT): AlertResponse[] {
  return [a, ...list.filter((x) => x.id !== a.id)].sort((x, y) => y.occurredAtMs - x.occurredAtMs || y.id - x.id).slice(0, limit);
}

/** Alerts nobody acknowledged yet. */
export const unacknowledged = (list: readonly AlertResponse[]) => list.filter((a) => a.acknowledgedAtMs === null).length;

/**
 * Today's timeline after a `decision.recorded` event: kept only when it belongs to the market's
 * IST trading day shown (`dateIst`), newest first, once per id, capped. A HOLD (the monitor's
 * heartbeat) replaces the previous HOLD: only the latest is kept, so heartbeats never push the
 * day's ENTRY/SKIP/EXIT off the list.
 */
export function withDecision(list: readonly DecisionResponse[], d: DecisionResponse, dateIst: string, limit = FEED_LIMIT): DecisionResponse[] {
  if (istDateOf(d.occurredAtMs) !== dateIst) return [...list];
  const latestHold = list.find((x) => x.kind === 'HOLD');
  if (d.kind === 'HOLD' && latestHold && latestHold.occurredAtMs > d.occurredAtMs) return [...list];
  const others = list.filter((x) => x.id !== d.id && !(d.kind === 'HOLD' && x.kind === 'HOLD'));
  const hold = [d, ...others].find((x) => x.kind === 'HOLD');
  const rest = [d, ...others].filter((x) => x.kind !== 'HOLD').sort(newestFirst).slice(0, limit);
  return (hold ? [hold, ...rest] : rest).sort(newestFirst);
}

const newestFirst = (x: DecisionResponse, y: DecisionResponse) => y.occurredAtMs - x.occurredAtMs || y.id - x.id;

/** Kinds the timeline pins: what a strategy decided, never collapsed. */
export const PINNED_KINDS: ReadonlySet<DecisionResponse['kind']> = new Set(['ENTRY', 'SKIP', 'EXIT']);

/** One row of the timeline: a decision, or the one "monitoring" row standing for every HOLD heartbeat. */
export type TimelineRow = { type: 'decision'; decision: DecisionResponse; pinned: boolean } | { type: 'monitoring'; latest: DecisionResponse };

/**
 * The timeline's rows: every HOLD heartbeat collapsed into one "monitoring" row carrying the
 * latest one (its time, decision and figures), on top; then the other decisions newest first,
 * ENTRY/SKIP/EXIT marked pinned.
 */
export function timelineRows(list: readonly DecisionResponse[]): TimelineRow[] {
  const holds = list.filter((d) => d.kind === 'HOLD').sort(newestFirst);
  const rows: TimelineRow[] = holds.length > 0 ? [{ type: 'monitoring', latest: holds[0] }] : [];
  for (const d of list.filter((x) => x.kind !== 'HOLD').sort(newestFirst)) rows.push({ type: 'decision', decision: d, pinned: PINNED_KINDS.has(d.kind) });
  return rows;
}
