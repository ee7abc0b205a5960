import type { RiskDenialCode } from '../risk/risk-denial-code';

/** When an event happened at the broker/exchange (`occurredAtMs`) and when mCube stored it (`recordedAtMs`), UTC epoch ms. */
export interface OrderEventTimes {
  readonly occurredAtMs: number;
  readonly recordedAtMs: number;
}

/** mCube's risk checks refused the order; it never leaves mCube. */
export interface OrderDenied extends OrderEventTimes {
  readonly type: 'DENIED';
  readonly code: RiskDenialCode;
  readonly message: string;
  readonly context: Readonly<Record<string, string | number | boolean>>;
}
/** The order was handed to the execution client (journaled before the call, so a crash leaves it in flight). */
export interface OrderSubmitted extends OrderEventTimes {
  readonly type: 'SUBMITTED';
}
/** The send timed out or the connection dropped: outcome unknown, the order stays SUBMITTED. Never a rejection. */
export interface OrderSendTimedOut extends OrderEventTimes {
  readonly type: 'SEND_TIMED_OUT';
}
/** The broker acknowledged the order and gave it an id. */
export interface OrderAccepted extends OrderEventTimes {
  readonly type: 'ACCEPTED';
  readonly brokerOrderId: string;
}
/** The broker or exchange refused the order. */
export interface OrderRejected extends OrderEventTimes {
  readonly type: 'REJECTED';
  readonly reason: string;
}
/** One trade (execution) against the order. Quantities come only from these. */
export interface OrderFilled extends OrderEventTimes {
  readonly type: 'FILLED';
  /** The broker's trade id: unique per execution, used to refuse double counting. */
  readonly tradeId: string;
  /** Units (not lots) filled by this trade, > 0. */
  readonly quantity: number;
  /** Trade price in rupees, > 0. */
  readonly price: number;
}
/** mCube asked the broker to cancel. */
export interface OrderCancelRequested extends OrderEventTimes {
  readonly type: 'CANCEL_REQUESTED';
  /** Who asked: `user:<username>` for a person, `system:<part>` for mCube (exit chaser, strategy…). A person's cancel of an exit is respected: it is not sent again. */
  readonly requestedBy?: string;
}
/** The broker confirmed the cancel (of whatever was not filled). */
export interface OrderCanceled extends OrderEventTimes {
  readonly type: 'CANCELED';
}
/** The broker refused the cancel (e.g. Kotak 1021 "order already complete"). */
export interface OrderCancelRejected extends OrderEventTimes {
  readonly type: 'CANCEL_REJECTED';
  readonly reason: string;
}
/** The exchange expired the order (end of its validity). */
export interface OrderExpired extends OrderEventTimes {
  readonly type: 'EXPIRED';
}

/** Everything that can happen to an order; fed to `applyOrderEvent`. */
export type OrderEvent =
  | OrderDenied
  | OrderSubmitted
  | OrderSendTimedOut
  | OrderAccepted
  | OrderRejected
  | OrderFilled
  | OrderCancelRequested
  | OrderCanceled
  | OrderCancelRejected
  | OrderExpired;

/** The discriminant of an `OrderEvent`. */
export type OrderEventType = OrderEvent['type'];

/** Every order event type (for exhaustive tests). */
export const ORDER_EVENT_TYPES: readonly OrderEventType[] = Object.freeze([
  'DENIED',
  'SUBMITTED',
  'SEND_TIMED_OUT',
  'ACCEPTED',
  'REJECTED',
  'FILLED',
  'CANCEL_REQUESTED',
  'CANCELED',
  'CANCEL_REJECTED',
  'EXPIRED',
] as const);
