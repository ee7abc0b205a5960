import { isTerminal, legExitState, type LegExitState } from '@mcube/domain';
import type { EntityManager } from 'typeorm';
import { PERSON_PREFIX } from '../orders/cancel-order.service';
import { cancelRequestsOf, exitOrdersOf, type OrderEventFacts, type OrderFacts } from '../orders/order-reads';
import type { PositionLeg } from './entities/position-leg.entity';
import type { Position } from './entities/position.entity';

/** One leg with its exit orders and their state (domain `legExitState`). */
export interface LegExitFacts {
  readonly leg: PositionLeg;
  readonly state: LegExitState;
  /** Exit orders of the leg that may still trade (or are about to be sent). */
  readonly working: readonly OrderFacts[];
  /** The leg's latest exit order, if any. */
  readonly last: OrderFacts | null;
}

/**
 * The exit state of every leg of `position`, from the stored rows only (survives a restart):
 * its EXIT orders (by trading symbol) and, for canceled ones, who asked for the cancel (the
 * CANCEL_REQUESTED event's `requestedBy`: a person's cancel holds the leg).
 */
export async function legExitFacts(manager: EntityManager, position: Position, legs: readonly PositionLeg[]): Promise<LegExitFacts[]> {
  const orders = await exitOrdersOf(manager, position.id);
  const canceled = orders.filter((o) => o.status === 'CANCELED').map((o) => o.id);
  const byPerson = new Set<number>();
  if (canceled.length > 0) {
    const requests = await cancelRequestsOf(manager, canceled);
    const latest = new Map<number, OrderEventFacts>();
    for (const e of requests) latest.set(e.orderId, e);
    for (const [orderId, e] of latest) if (String(e.payload['requestedBy'] ?? '').startsWith(PERSON_PREFIX)) byPerson.add(orderId);
  }
  const exitRequested = position.exitRequestedAt !== null;
  return legs.map((leg) => {
    const mine = orders.filter((o) => o.tradingSymbol === leg.tradingSymbol && o.side !== leg.side);
    const state = legExitState({ openQuantity: leg.quantity, exitRequested, orders: mine.map((o) => ({ status: o.status, canceledByPerson: byPerson.has(o.id) })) });
    return { leg, state, working: mine.filter((o) => !isTerminal(o.status)), last: mine.at(-1) ?? null };
  });
}
