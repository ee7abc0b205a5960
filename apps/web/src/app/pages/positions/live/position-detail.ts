import type { PositionDetailResponse, PositionMarkResponse, PositionUpdatedEvent } from '@mcube/contracts';

/**
 * The detail after a `position.updated` event about it: P&L, status and state, net delta, and each
 * leg's last price (matched by trading symbol). Greeks stay as loaded (the event has none).
 * A closed position never reopens: a late ACTIVE mark that raced the closing fill is ignored.
 */
export function withDetailUpdate(detail: PositionDetailResponse, e: PositionUpdatedEvent): PositionDetailResponse {
  if (e.positionId !== detail.id || (detail.status === 'CLOSED' && e.status === 'ACTIVE')) return detail;
  return {
    ...detail,
    status: e.status,
    state: e.state,
    unrealizedPnlPaise: e.unrealizedPnlPaise,
    realizedPnlPaise: e.realizedPnlPaise,
    netDelta: e.netDelta,
    legs: detail.legs.map((leg) => {
      const live = e.legs.find((l) => l.tradingSymbol === leg.tradingSymbol);
      return live ? { ...leg, lastPricePaise: live.lastPricePaise, quantity: live.quantity, status: live.quantity > 0 ? leg.status : 'CLOSED', exitState: live.quantity > 0 ? leg.exitState : 'FLAT' } : leg;
    }),
  };
}

/** The P&L history after an event about the position: one more point, oldest first, once per instant. */
export function withMark(marks: readonly PositionMarkResponse[], e: PositionUpdatedEvent, spot: number | null): PositionMarkResponse[] {
  const point: PositionMarkResponse = { atMs: e.atMs, unrealizedPnlPaise: e.unrealizedPnlPaise, realizedPnlPaise: e.realizedPnlPaise, spot, netDelta: e.netDelta };
  return [...marks.filter((m) => m.atMs !== e.atMs), point].sort((a, b) => a.atMs - b.atMs);
}
