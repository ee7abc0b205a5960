import type { PositionListItemResponse, PositionUpdatedEvent } from '@mcube/contracts';

/**
 * A listed position as the console holds it: the fields it shows of the API's row (GET
 * /api/positions), which a \`position.updated\` can also build for a position opened since the
 * list loaded (the event's delta is null when greeks could not be computed).
 */
export type PositionRow = Pick<PositionListItemResponse, 'id' | 'accountId' | 'strategyType' | 'status' | 'state' | 'exit' | 'quantity' | 'direction' | 'underlying' | 'expiryDate' | 'unrealizedPnlPaise' | 'realizedPnlPaise' | 'exitReason' | 'openedAt' | 'closedAt'> & {
  currentDelta: number | null;
};

/** Active (and exiting) positions first, then the newest (highest id) first. */
export function sortActiveFirst(rows: readonly PositionRow[]): PositionRow[] {
  return [...rows].sort((a, b) => (a.status === b.status ? b.id - a.id : a.status === 'ACTIVE' ? -1 : 1));
}

/**
 * The list after a `position.updated` event: the row takes the event's P&L, status, state (EXITING…) and delta;
 * an unknown position (opened since the list loaded) is added. Kept sorted, active first.
 * A closed position never reopens: a late ACTIVE mark that raced the closing fill is ignored.
 */
export function withPositionUpdate(rows: readonly PositionRow[], e: PositionUpdatedEvent): PositionRow[] {
  if (e.status === 'ACTIVE' && rows.some((r) => r.id === e.positionId && r.status === 'CLOSED')) return [...rows];
  const live = { status: e.status, state: e.state, underlying: e.underlying, expiryDate: e.expiry, unrealizedPnlPaise: e.unrealizedPnlPaise, realizedPnlPaise: e.realizedPnlPaise, currentDelta: e.netDelta };
  const known = rows.some((r) => r.id === e.positionId);
  const next = known
    ? rows.map((r) => (r.id === e.positionId ? { ...r, ...live, closedAt: r.closedAt ?? (e.status === 'CLOSED' ? new Date(e.atMs).toISOString() : null) } : r))
    : [...rows, { id: e.positionId, accountId: e.accountId, strategyType: '', direction: '', exitReason: null, exit: null, quantity: Math.max(0, ...e.legs.map((l) => l.quantity)), openedAt: new Date(e.atMs).toISOString(), closedAt: e.status === 'CLOSED' ? new Date(e.atMs).toISOString() : null, ...live }];
  return sortActiveFirst(next);
}

/** Net P&L of a row (realised + unrealised), paise. */
export const netPnlPaise = (r: Pick<PositionRow, 'realizedPnlPaise' | 'unrealizedPnlPaise'>): number => r.realizedPnlPaise + r.unrealizedPnlPaise;
