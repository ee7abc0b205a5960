import type { Order } from '../entities/order.entity';

/**
 * The order row as it stands after the journal event an `order_events` insert object records,
 * keyed by that very object: `applyOrderEventToRow` already holds the updated row, so the
 * `order.updated` publisher need not read it again inside the transaction (one query less on
 * the order hot path). A WeakMap: nothing outlives the insert object.
 */
const snapshots = new WeakMap<object, Order>();

/** Remembers `order` as the state after the journal event `eventRow`. */
export function rememberOrderAfter(eventRow: object, order: Order): void {
  snapshots.set(eventRow, { ...order });
}

/** The state remembered for `eventRow`, if the writer left one. */
export function orderAfter(eventRow: object | undefined): Order | undefined {
  return eventRow ? snapshots.get(eventRow) : undefined;
}
