import { applyFill, closePositionIfFlat as closeIfFlat, legKeyOf, type IntentInstrument, type OrderPurpose, type OrderSide, type PositionLeg as LegState } from '@mcube/domain';
import type { PositionUpdatedEvent } from '@mcube/contracts';
import type { EntityManager } from 'typeorm';
import { MonitorLog } from '../entities/monitor-log.entity';
import { PositionLeg } from '../entities/position-leg.entity';
import { Position } from '../entities/position.entity';
import { legColumnsOf, legInstrumentOf, legStateOf, positionStateOf } from '../position-state';
import { positionUpdatedEvent } from '../position-updated-event';

/**
 * The positions tables' commands of the order path (issue 13: the positions module owns its
 * tables). Each runs inside the CALLER's transaction (`manager`), so a fill and the position
 * change it makes commit together. What these need of the orders' tables (other orders of the
 * position, their executions) the caller answers: the positions module does not read them here.
 */

/** The ACTIVE position an entry reserves before any order leaves (quantity 0; fills add legs). */
export interface PositionReservation {
  readonly accountId: number;
  readonly strategyType: Position['strategyType'];
  readonly direction: Position['direction'];
  readonly underlying: string;
  readonly expiryDate: string;
  readonly marginPaise: number;
  readonly exposurePaise: number;
  readonly atMs: number;
}

/** Inserts the reserved ACTIVE position; the partial unique index (one ACTIVE per account) refuses a second. Returns its id. */
export async function reservePositionRow(manager: EntityManager, r: PositionReservation): Promise<number> {
  const position = manager.create(Position, {
    accountId: r.accountId,
    strategyType: r.strategyType,
    status: 'ACTIVE',
    direction: r.direction,
    underlying: r.underlying,
    expiryDate: r.expiryDate,
    quantity: 0,
    marginUsedPaise: r.marginPaise,
    entryValuePaise: r.exposurePaise,
    openedAt: new Date(r.atMs),
  });
  return (await manager.save(Position, position)).id;
}

/** What the orders' tables say about a position that may close. */
export interface PositionOrderFacts {
  /** Whether an order of the position may still trade (open or INITIALIZED). */
  hasLiveOrders(): Promise<boolean>;
  /** Σ charges (paise) of every execution of the position's orders. */
  chargesPaise(): Promise<number>;
}

/**
 * Closes a position that holds nothing and can no longer get anything (the domain's
 * `closePositionIfFlat`: no open leg quantity, no order that may still trade). Returns true
 * when it closed it.
 */
export async function closePositionIfFlat(manager: EntityManager, positionId: number, atMs: number, reason: string, orders: PositionOrderFacts): Promise<boolean> {
  const position = await manager.findOne(Position, { where: { id: positionId } });
  if (!position || position.status !== 'ACTIVE') return false;
  const legs = await manager.find(PositionLeg, { where: { positionId } });
  // A leg still open: the domain would refuse too; returning here spares the fill path two queries.
  if (legs.some((l) => l.quantity > 0)) return false;
  const hasLiveOrders = await orders.hasLiveOrders();
  // The charges matter only to a position that closes now.
  const state = positionStateOf(position, legs.map((l) => legStateOf(l)), hasLiveOrders ? 0 : await orders.chargesPaise());
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

/** One fill of an order of a position, as the position's accounting needs it. */
export interface PositionFill {
  readonly positionId: number;
  readonly orderId: number;
  readonly clientOrderId: string;
  readonly tradeId: string;
  readonly tradingSymbol: string;
  readonly instrumentToken: string | null;
  readonly underlying: string;
  readonly instrumentType: PositionLeg['instrumentType'];
  readonly strike: number | null;
  /** The order's expiry; null: the position's. */
  readonly expiryDate: string | null;
  readonly side: OrderSide;
  readonly purpose: OrderPurpose;
  readonly quantity: number;
  /** The trade's price as reported (for the log line). */
  readonly price: number;
  readonly pricePaise: number;
  readonly chargesPaise: number;
  readonly occurredAtMs: number;
}

/** What the fill step asks of the caller: the orders' tables and the contract terms. */
export interface PositionFillFacts extends PositionOrderFacts {
  /** Units the leg `tradingSymbol` filled on each side BEFORE this trade (asked only for a fill against the leg's side). */
  filledBefore(tradingSymbol: string): Promise<{ buy: number; sell: number }>;
  /** The lot size of the contract (asked only when the fill opens a leg). */
  lotSize(underlying: string, expiryDate: string): number;
}

/**
 * The position step of a fill: loads the position and the leg the order trades (matched by
 * trading symbol, as the table keys legs), applies the fill with the domain's `applyFill`
 * (averaging, realised P&L net of charges, partial and full closes), saves the changed
 * columns, logs a FILL monitor row and closes the position once it is flat.
 */
export async function applyFillToPosition(m: EntityManager, fill: PositionFill, nowMs: number, facts: PositionFillFacts): Promise<void> {
  const positionId = fill.positionId;
  const position = await m.findOneByOrFail(Position, { id: positionId });
  const row = await m.findOne(PositionLeg, { where: { positionId, tradingSymbol: fill.tradingSymbol } });
  const expiryDate = fill.expiryDate ?? position.expiryDate;
  const instrument: IntentInstrument = legInstrumentOf({ underlying: fill.underlying, instrumentType: fill.instrumentType, expiryDate, strike: fill.strike });
  // The row found by trading symbol IS the fill's leg: it takes the fill's key.
  const legKey = legKeyOf(instrument);
  const legs = row ? [legStateOf(row, { legKey, filled: row.side !== fill.side ? await facts.filledBefore(row.tradingSymbol) : undefined })] : [];
  const outcome = applyFill(positionStateOf(position, legs), {
    instrument,
    side: fill.side,
    purpose: fill.purpose,
    quantity: fill.quantity,
    pricePaise: fill.pricePaise,
    chargesPaise: fill.chargesPaise,
    occurredAtMs: fill.occurredAtMs,
  });
  const leg = outcome.position.legs.find((l) => l.legKey === legKey) as LegState;
  const saved = row
    ? m.merge(PositionLeg, row, legColumnsOf(leg))
    : m.create(PositionLeg, {
        positionId,
        tradingSymbol: fill.tradingSymbol,
        instrumentToken: fill.instrumentToken,
        underlying: fill.underlying,
        instrumentType: fill.instrumentType,
        strike: fill.strike,
        expiryDate,
        lotSize: facts.lotSize(fill.underlying, expiryDate),
        openedAt: new Date(fill.occurredAtMs),
        ...legColumnsOf(leg),
      });
  await m.save(PositionLeg, saved);
  // The position's quantity is what was filled: the most units any leg has held.
  const quantity = outcome.effect === 'ADD' ? Math.max(position.quantity, leg.quantity) : position.quantity;
  // Only the columns a fill changes: a concurrent exit request (exit owner, time) is never overwritten.
  await m.update(Position, position.id, { quantity, premiumCollectedPaise: outcome.position.premiumCollectedPaise, realizedPnlPaise: outcome.position.realizedPnlPaise });
  await m.insert(MonitorLog, {
    positionId,
    checkType: 'FILL',
    message: `${fill.side} ${fill.quantity} ${fill.tradingSymbol} @ ${fill.price} (${fill.purpose}, order ${fill.clientOrderId})`,
    unrealizedPnlPaise: null,
    underlyingPrice: null,
    netDelta: null,
    details: { orderId: fill.orderId, tradeId: fill.tradeId, realizedPnlPaise: outcome.realizedPaise, chargesPaise: fill.chargesPaise, legQuantity: leg.quantity },
    occurredAt: new Date(nowMs),
  });
  await closePositionIfFlat(m, positionId, nowMs, 'EXITED', facts);
}

/** The `position.updated` event of a position as stored now (null: no such position). */
export async function positionUpdatedOf(manager: EntityManager, positionId: number, nowMs: number): Promise<PositionUpdatedEvent | null> {
  const position = await manager.findOne(Position, { where: { id: positionId } });
  if (!position) return null;
  const legs = await manager.find(PositionLeg, { where: { positionId }, order: { id: 'ASC' } });
  return positionUpdatedEvent(position, legs, null, nowMs);
}

/** The OPEN leg of the position in `tradingSymbol` (side and open units), or null. */
export async function openLegOf(manager: EntityManager, positionId: number, tradingSymbol: string): Promise<{ side: OrderSide; quantity: number } | null> {
  const leg = await manager.findOne(PositionLeg, { where: { positionId, tradingSymbol, status: 'OPEN' } });
  return leg ? { side: leg.side, quantity: leg.quantity } : null;
}
