import { isOpen, type OrderCommand } from '@mcube/domain';
import type { EntityManager } from 'typeorm';
import { Execution } from './entities/execution.entity';
import { Order } from './entities/order.entity';
import type { PositionLedger, PositionOrderFacts, PositionReservation } from './ports/position-ledger.port';

/**
 * Inserts the ACTIVE position an ENTRY intent opens (once for all its legs), before any order
 * leaves, so the partial unique index (one ACTIVE position per account) decides a race between
 * two entries: the loser's insert fails with a unique violation. Legs and the quantity are
 * added by fills only: a slice never sent (withdrawn after a crash) never shows on it.
 * `figures` are the gateway's margin and exposure of the whole entry, paise.
 */
export async function reservePosition(ledger: PositionLedger, manager: EntityManager, intent: OrderCommand, atMs: number, figures: { marginPaise: number; exposurePaise: number }): Promise<{ id: number }> {
  const id = await ledger.reservePositionRow(manager, {
    accountId: intent.accountId,
    strategyType: (intent.strategyType ?? (intent.instrument.kind === 'FUT' ? 'LLM_VALIDATED_FUTURES' : 'WEEKLY_NIFTY_STRANGLE')) as PositionReservation['strategyType'],
    direction: intent.instrument.kind === 'FUT' ? (intent.side === 'BUY' ? 'LONG' : 'SHORT') : 'NEUTRAL',
    underlying: intent.instrument.underlying,
    expiryDate: intent.instrument.expiry,
    marginPaise: figures.marginPaise,
    exposurePaise: figures.exposurePaise,
    atMs,
  });
  return { id };
}

/**
 * Closes a position that holds nothing and can no longer get anything: no open leg
 * quantity and no order that may still trade (an entry denied, rejected or canceled
 * unfilled; or every leg exited). The rule is the positions module's (its `ledger`); this
 * answers what it asks of the orders' tables. Returns true when it closed it.
 */
export async function closePositionIfFlat(ledger: PositionLedger, manager: EntityManager, positionId: number, atMs: number, reason: string): Promise<boolean> {
  return ledger.closePositionIfFlat(manager, positionId, atMs, reason, positionOrderFacts(manager, positionId));
}

/** The orders' facts of a position (its orders that may still trade, their charges), read through `manager`. */
export function positionOrderFacts(manager: EntityManager, positionId: number): PositionOrderFacts {
  return {
    hasLiveOrders: async () => (await manager.find(Order, { where: { positionId } })).some((o) => isOpen(o.status) || o.status === 'INITIALIZED'),
    chargesPaise: () => chargesOfPosition(manager, positionId),
  };
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
