import type { PositionDetailResponse, PositionLegResponse } from '@mcube/contracts';

/** A leg that can be exited on its own: open units, no exit of it working yet, the position not closed. */
export function legExitable(position: Pick<PositionDetailResponse, 'status'>, leg: PositionLegResponse): boolean {
  return position.status === 'ACTIVE' && leg.status === 'OPEN' && leg.quantity > 0 && (leg.exitState === 'NONE' || leg.exitState === 'HELD');
}

/** A leg whose exit is on its way: an exit working or being re-sent, or one just sent by this page (its first event not in yet). */
export function legExiting(leg: PositionLegResponse, following: ReadonlySet<number>): boolean {
  if (leg.status === 'CLOSED' || leg.quantity === 0) return false;
  return leg.exitState === 'WORKING' || leg.exitState === 'CHASING' || following.has(leg.id);
}

/** Of the legs this page follows, those now flat (their exit done): to stop following and to announce. */
export function legsNowFlat(position: PositionDetailResponse, following: ReadonlySet<number>): PositionLegResponse[] {
  return position.legs.filter((l) => following.has(l.id) && (l.status === 'CLOSED' || l.quantity === 0));
}
