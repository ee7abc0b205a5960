import type { BrokerOrderReport } from '@mcube/domain';
import type { PaperOrder } from './paper-book.types';

/** The port's view of a stored paper order (average price from its fills, rupees). */
export function toOrderReport(order: PaperOrder): BrokerOrderReport {
  return {
    brokerOrderId: order.brokerOrderId,
    clientOrderId: order.clientOrderId,
    instrument: order.instrument,
    side: order.side,
    quantity: order.quantity,
    limitPrice: order.limitPrice,
    state: order.state,
    filledQuantity: order.filledQuantity,
    ...(order.filledQuantity > 0 ? { averagePrice: order.filledValuePaise / order.filledQuantity / 100 } : {}),
    ...(order.rejectReason !== undefined ? { rejectReason: order.rejectReason } : {}),
    updatedAtMs: order.updatedAtMs,
  };
}
