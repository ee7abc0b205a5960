import type { PositionExitResponse } from '@mcube/contracts';
import type { Position } from './entities/position.entity';

/** The exit requested for a position, as the REST responses show it; null when none was. */
export function positionExitOf(position: Position): PositionExitResponse | null {
  if (position.exitRequestedAt === null || position.exitOwner === null) return null;
  return { owner: position.exitOwner, reason: position.exitReason, requestedAt: position.exitRequestedAt.toISOString() };
}
