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
 * Today's timeline after a `decision.recorded` event: kept only when it belongs to the IST
 * trading day shown (`dateIst`), newest first, once per id, capped.
 */
export function withDecision(list: readonly DecisionResponse[], d: DecisionResponse, dateIst: string, limit = FEED_LIMIT): DecisionResponse[] {
  if (istDateOf(d.occurredAtMs) !== dateIst) return [...list];
  return [d, ...list.filter((x) => x.id !== d.id)].sort((x, y) => y.occurredAtMs - x.occurredAtMs || y.id - x.id).slice(0, limit);
}
