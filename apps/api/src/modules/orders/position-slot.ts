import { closePositionIfFlat as closeIfFlat, isOpen } from '@mcube/domain';
import type { EntityManager } from 'typeorm';
import { PositionLeg } from '../positions/entities/position-leg.entity';
import { Position } from '../positions/entities/position.entity';
import { legStateOf, positionStateOf } from '../positions/position-state';
import { Execution } from './entities/execution.entity';
import { Order } from './entities/order.entity';
import type { GatewayIntent } from './gateway-intent';

/**
 * Inserts the ACTIVE position an ENTRY intent opens (once for all its legs), before any order
 * leaves, so the partial unique index (one ACTIVE position per account) decides a race between
 * two entries: the loser's insert fails with a unique violation. Legs and the quantity are
 * added by fills only: a slice never sent (withdrawn after a crash) never shows on it.
 * `figures` are the gateway's margin and exposure of the whole entry, paise.
 */
export async function reservePosition(manager: EntityManager, intent: GatewayIntent, atMs: number, figures: { marginPaise: number; exposurePaise: number }): Promise<Position> {
  const position = manager.create(Position, {
    accountId: intent.accountId,
    strategyType: (intent.strategyType ?? (intent.instrument.kind === 'FUT' ? 'LLM_VALIDATED_FUTURES' : 'WEEKLY_NIFTY_STRANGLE')) as Position['strategyType'],
    status: 'ACTIVE',
    direction: intent.instrument.kind === 'FUT' ? (intent.side === 'BUY' ? 'LONG' : 'SHORT') : 'NEUTRAL',
    underlying: intent.instrument.underlying,
    expiryDate: intent.instrument.expiry,
    quantity: 0,
    marginUsedPaise: figures.marginPaise,
    entryValuePaise: figures.exposurePaise,
    openedAt: new Date(atMs),
  });
  return manager.save(Position, position);
}

/**
 * Closes a position that holds nothing and can no longer get anything: no open leg
 * quantity and no order that may still trade (an entry denied, rejected or canceled
 * unfilled; or every leg exited). The rule and the net re-sum are the domain's
 * `closePositionIfFlat`; this loads and saves. Returns true when it closed it.
 */
export async function closePositionIfFlat(manager: EntityManager, positionId: number, atMs: number, reason: string): Promise<boolean> {
  const position = await manager.findOne(Position, { where: { id: positionId } });
  if (!position || position.status !== 'ACTIVE') return false;
  const legs = await manager.find(PositionLeg, { where: { positionId } });
  // A leg still open: the domain would refuse too; returning here spares the fill path two queries.
  if (legs.some((l) => l.quantity > 0)) return false;
  const orders = await manager.find(Order, { where: { positionId } });
  const hasLiveOrders = orders.some((o) => isOpen(o.status) || o.status === 'INITIALIZED');
  // The charges matter only to a position that closes now.
  const state = positionStateOf(position, legs.map((l) => legStateOf(l)), hasLiveOrders ? 0 : await chargesOfPosition(manager, positionId));
  // An exit requested with a code (MANUAL, STOP_LOSS, CIRCUIT_BREAKER…) keeps it.
  const out = closeIfFlat(state, { hasLiveOrders, atMs, reason: position.exitReason ?? reason });
  if (!out.closed) return false;
  const closed = out.position;
  await manager.update(Position, positionId, {
    status: closed.status,
    closedAt: new Date(atMs),
    exitReason: closed.exitReason,
    realizedPnlPaise: closed.realizedPnlPaise,
    unrealizedPnlPaise: closed.unrealizedPnlPaise,
    version: position.version + 1,
  });
  return true;
}

/** Σ charges (paise) of every execution of the position's orders. */
async function chargesOfPosition(manager: EntityManager, positionId: number): Promise<number> {
  const row = await manager
    .createQueryBuilder(Execution, 'e')
    .innerJoin(Order, 'o', 'o.id = e.order_id')
    .where('o.position_id = :positionId', { positionId })
    .select('COALESCE(SUM(e.charges_paise), 0)', 'c')
    .getRawOne<{ c: string | number }>();
  return Number(row?.c ?? 0);
}
