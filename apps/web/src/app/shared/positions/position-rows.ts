import type { PositionUpdatedEvent } from '@mcube/contracts';
import type { PositionRowView } from '../../core/positions/positions.api';

/** Active (and exiting) positions first, then the newest (highest id) first. */
export function sortActiveFirst(rows: readonly PositionRowView[]): PositionRowView[] {
  return [...rows].sort((a, b) => (a.status === b.status ? b.id - a.id : a.status === 'ACTIVE' ? -1 : 1));
}

/**
 * The list after a `position.updated` event: the row takes the event's P&L, status, state (EXITING…) and delta;
 * an unknown position (opened since the list loaded) is added. Kept sorted, active first.
 * A closed position never reopens: a late ACTIVE mark that raced the closing fill is ignored.
 */
export function withPositionUpdate(rows: readonly PositionRowView[], e: PositionUpdatedEvent): PositionRowView[] {
  if (e.status === 'ACTIVE' && rows.some((r) => r.id === e.positionId && r.status === 'CLOSED')) return [...rows];
  const live = { status: e.status, state: e.state, underlying: e.underlying, expiryDate: e.expiry, unrealizedPnlPaise: e.unrealizedPnlPaise, realizedPnlPaise: e.realizedPnlPaise, currentDelta: e.netDelta };
  const known = rows.some((r) => r.id === e.positionId);
  const next = known
    ? rows.map((r) => (r.id === e.positionId ? { ...r, ...live, closedAt: r.closedAt ?? (e.status === 'CLOSED' ? new Date(e.atMs).toISOString() : null) } : r))
    : [...rows, { id: e.positionId, accountId: e.accountId, strategyType: '', direction: '', exitReason: null, exit: null, quantity: Math.max(0, ...e.legs.map((l) => l.quantity)), openedAt: new Date(e.atMs).toISOString(), closedAt: e.status === 'CLOSED' ? new Date(e.atMs).toISOString() : null, ...live }];
  return sortActiveFirst(next);
}

/** Net P&L of a row (realised + unrealised), paise. */
export const netPnlPaise = (r: Pick<PositionRowView, 'realizedPnlPaise' | 'unrealizedPnlPaise'>): number => r.realizedPnlPaise + r.unrealizedPnlPaise;
