import { applyOrderEvent, paiseOfPrice, type Order as DomainOrder, type OrderEvent as DomainOrderEvent } from '@mcube/domain';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Execution } from './entities/execution.entity';
import { OrderEvent } from './entities/order-event.entity';
import { rememberOrderAfter } from './events/journaled-order-snapshot';
import { Order } from './entities/order.entity';

const toRupees = (paise: number | null): number | undefined => (paise === null ? undefined : paise / 100);
const toPaise = (rupees: number | undefined): number | null => (rupees === undefined ? null : paiseOfPrice(rupees));

/** The domain snapshot of a stored order; fills come from its executions (the authority for quantities). */
export function domainOrderOfRow(row: Order, executions: readonly Execution[]): DomainOrder {
  const fills = executions.map((e) => ({ tradeId: e.executionId, quantity: e.quantity, price: e.pricePaise / 100, occurredAtMs: e.occurredAt.getTime() }));
  return {
    clientOrderId: row.clientOrderId,
    accountId: String(row.accountId),
    instrumentId: row.tradingSymbol,
    side: row.side,
    orderType: row.orderType,
    purpose: row.purpose,
    quantity: row.quantity,
    limitPrice: toRupees(row.limitPricePaise),
    status: row.status,
    brokerOrderId: row.brokerOrderId ?? undefined,
    inFlightUnknown: row.inFlightUnknown,
    fills,
    filledQuantity: row.filledQuantity,
    averageFillPrice: toRupees(row.avgFillPricePaise),
    // The status a pending cancel came from is the one in its CANCEL_REQUESTED event (see `statusBeforeCancelOf`).
    createdAtMs: row.createdAt?.getTime() ?? 0,
    updatedAtMs: row.lastEventAt?.getTime() ?? 0,
  };
}

function payloadOf(event: DomainOrderEvent): Record<string, unknown> {
  const { type: _type, occurredAtMs: _o, recordedAtMs: _r, ...rest } = event;
  return rest;
}

/**
 * Applies one order event through the domain state machine (`applyOrderEvent`: throws
 * ILLEGAL_TRANSITION for a pair not in the table) and stores the result in the same
 * transaction: the order row's status and derived fields, and an `order_events` row with
 * the next sequence. The row is re-read (locked on PostgreSQL) so a concurrent fill is never
 * overwritten. Returns the updated row. Call inside `inTransaction`.
 */
export async function applyOrderEventToRow(manager: EntityManager, orderId: number, event: DomainOrderEvent): Promise<Order> {
  return applyOrderEventToLoadedRow(manager, await loadOrderForUpdate(manager, orderId), event);
}

/** `applyOrderEventToRow` on a row the caller has just read with `loadOrderForUpdate` in this transaction (not read twice). */
export async function applyOrderEventToLoadedRow(manager: EntityManager, row: Order, event: DomainOrderEvent): Promise<Order> {
  const executions = await manager.find(Execution, { where: { orderId: row.id }, order: { id: 'ASC' } });
  const statusBeforeCancel = row.status === 'PENDING_CANCEL' ? await statusBeforeCancelOf(manager, row.id) : undefined;
  const sequence = (await manager.count(OrderEvent, { where: { orderId: row.id } })) + 1;
  return storeOrderEvent(manager, row, { executions, sequence, statusBeforeCancel }, event);
}

/**
 * `applyOrderEventToRow` for a row THIS transaction has just journaled (`journalIntentRows`):
 * it has no fills and only its INITIALIZED event, so nothing is re-read (the gateway's one
 * commit of INITIALIZED + SUBMITTED costs two statements less per order). `row` is updated
 * in place and returned.
 */
export function applyOrderEventToNewRow(manager: EntityManager, row: Order, event: DomainOrderEvent): Promise<Order> {
  return storeOrderEvent(manager, row, { executions: [], sequence: 2 }, event);
}

/** What `storeOrderEvent` needs besides the row: its fills, the event's sequence, and the status a pending cancel came from. */
interface StoredOrderFacts {
  readonly executions: readonly Execution[];
  readonly sequence: number;
  readonly statusBeforeCancel?: DomainOrder['status'];
}

/** Runs `event` through the domain on `row` (current as read in this transaction) and writes the row and its event. */
async function storeOrderEvent(manager: EntityManager, row: Order, facts: StoredOrderFacts, event: DomainOrderEvent): Promise<Order> {
  const before = domainOrderOfRow(row, facts.executions);
  const withCancelMemory = facts.statusBeforeCancel ? { ...before, statusBeforeCancel: facts.statusBeforeCancel } : before;
  const after = applyOrderEvent(withCancelMemory, event);
  const sequence = facts.sequence;
  row.status = after.status;
  row.brokerOrderId = after.brokerOrderId ?? row.brokerOrderId;
  row.inFlightUnknown = after.inFlightUnknown;
  row.filledQuantity = after.filledQuantity;
  row.avgFillPricePaise = toPaise(after.averageFillPrice);
  row.lastEventAt = new Date(event.occurredAtMs);
  if (event.type === 'DENIED') {
    row.denialCode = event.code;
    row.denialContext = { ...event.context };
    row.statusReason = event.message;
  }
  if (event.type === 'REJECTED') row.statusReason = event.reason;
  if (event.type === 'CANCEL_REJECTED') row.statusReason = event.reason;
  if (event.type === 'SUBMITTED') row.submittedAt = new Date(event.occurredAtMs);
  // Plain UPDATE/INSERT (no reload): this runs several times per order on the hot path.
  row.version += 1;
  await manager.update(Order, row.id, {
    status: row.status,
    brokerOrderId: row.brokerOrderId,
    inFlightUnknown: row.inFlightUnknown,
    filledQuantity: row.filledQuantity,
    avgFillPricePaise: row.avgFillPricePaise,
    lastEventAt: row.lastEventAt,
    denialCode: row.denialCode,
    denialContext: row.denialContext,
    statusReason: row.statusReason,
    submittedAt: row.submittedAt,
    version: row.version,
  } as QueryDeepPartialEntity<Order>);
  const eventRow = {
    orderId: row.id,
    sequence,
    type: event.type,
    fromStatus: before.status,
    toStatus: after.status,
    payload: payloadOf(event),
    occurredAt: new Date(event.occurredAtMs),
    recordedAt: new Date(event.recordedAtMs),
  } as QueryDeepPartialEntity<OrderEvent>;
  rememberOrderAfter(eventRow, row);
  await manager.insert(OrderEvent, eventRow);
  return row;
}

/** The status the latest CANCEL_REQUESTED event left (restored when a cancel is rejected). */
async function statusBeforeCancelOf(manager: EntityManager, orderId: number): Promise<DomainOrder['status']> {
  const ev = await manager.findOne(OrderEvent, { where: { orderId, type: 'CANCEL_REQUESTED' }, order: { sequence: 'DESC' } });
  return (ev?.fromStatus as DomainOrder['status'] | undefined) ?? 'ACCEPTED';
}

/** Writes the INITIALIZED journal event of a new order (sequence 1). */
export async function journalInitialized(manager: EntityManager, row: Order, atMs: number): Promise<void> {
  const eventRow = {
    orderId: row.id,
    sequence: 1,
    type: 'INITIALIZED',
    fromStatus: null,
    toStatus: 'INITIALIZED',
    payload: { clientOrderId: row.clientOrderId, quantity: row.quantity, limitPricePaise: row.limitPricePaise },
    occurredAt: new Date(atMs),
    recordedAt: new Date(atMs),
  } as QueryDeepPartialEntity<OrderEvent>;
  // A plain INSERT (no reload); the publisher takes the row from the snapshot instead of reading it.
  rememberOrderAfter(eventRow, row);
  await manager.insert(OrderEvent, eventRow);
}

/** Reads an order inside a transaction, row-locked on PostgreSQL (SQLite transactions are already serialised). */
export async function loadOrderForUpdate(manager: EntityManager, orderId: number): Promise<Order> {
  const sqlite = manager.connection.options.type === 'better-sqlite3' || manager.connection.options.type === 'sqlite';
  return manager.findOneOrFail(Order, { where: { id: orderId }, ...(sqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }) });
}
