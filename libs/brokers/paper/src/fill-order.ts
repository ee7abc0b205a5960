import { istDateTimeOf, notionalPaise, tradeCharges, type BrokerageSchedule } from '@mcube/domain';
import type { PaperBookCounters, PaperOrder, PaperPosition, PaperTrade } from './paper-book.types';
import { applyFillToPosition } from './paper-position';

/** Inputs of {@link fillOrder}. */
export interface FillOrderInput {
  readonly order: PaperOrder;
  readonly position: PaperPosition | undefined;
  readonly quantity: number;
  /** Rupees, on the tick. */
  readonly price: number;
  readonly atMs: number;
  readonly counters: PaperBookCounters;
  readonly idPrefix: string;
  readonly brokerage: BrokerageSchedule;
}

/** Everything one fill changes: the order, a new trade, the position and the trade counter. */
export interface FillOutcome {
  readonly order: PaperOrder;
  readonly trade: PaperTrade;
  readonly position: PaperPosition;
  readonly counters: PaperBookCounters;
}

/**
 * One fill of `quantity` at `price`: the trade (charges from `tradeCharges` on the fill's IST
 * date; the brokerage of an executed order is charged on its first fill only), the order's
 * filled quantity and value (FILLED when complete, its state kept otherwise, so a late fill
 * of a CANCELED order stays CANCELED until complete), and the netted position.
 * Throws DomainError for an unknown charge date or bad amounts.
 */
export function fillOrder(input: FillOrderInput): FillOutcome {
  const { order, quantity, price, atMs } = input;
  const tradeDate = istDateTimeOf(atMs).date;
  const segment = order.instrument.kind;
  const charges = tradeCharges({
    date: tradeDate,
    segment,
    side: order.side,
    turnoverPaise: notionalPaise(price, quantity),
    brokeragePaise: order.filledQuantity === 0 ? input.brokerage[segment] : 0,
  });
  const counters = { ...input.counters, trades: input.counters.trades + 1 };
  const trade: PaperTrade = {
    tradeId: `${input.idPrefix}-T-${String(counters.trades).padStart(8, '0')}`,
    brokerOrderId: order.brokerOrderId,
    clientOrderId: order.clientOrderId,
    instrument: order.instrument,
    side: order.side,
    quantity,
    price,
    occurredAtMs: atMs,
    product: order.product,
    tradeDate,
    charges,
  };
  const filledQuantity = order.filledQuantity + quantity;
  const updated: PaperOrder = {
    ...order,
    filledQuantity,
    filledValuePaise: order.filledValuePaise + notionalPaise(price, quantity),
    state: filledQuantity === order.quantity ? 'FILLED' : order.state,
    updatedAtMs: atMs,
  };
  const position = applyFillToPosition(input.position, {
    instrument: order.instrument,
    product: order.product,
    side: order.side,
    quantity,
    price,
    chargesPaise: charges.totalPaise,
    atMs,
  });
  return { order: updated, trade, position, counters };
}
