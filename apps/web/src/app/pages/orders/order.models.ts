/** Every order status, in lifecycle order (the API's ORDER_STATUSES; the console may not import the domain). */
export const ORDER_STATUSES = ['INITIALIZED', 'DENIED', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'PARTIALLY_FILLED', 'FILLED', 'PENDING_CANCEL', 'CANCELED', 'EXPIRED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Each status in words, for filters and badges' titles. */
export const ORDER_STATUS_WORDS: Record<OrderStatus, string> = {
  INITIALIZED: 'Created, not sent yet',
  DENIED: 'Denied by a risk check',
  SUBMITTED: 'Sent to the broker',
  ACCEPTED: 'Working at the exchange',
  REJECTED: 'Rejected by the broker',
  PARTIALLY_FILLED: 'Partly filled',
  FILLED: 'Filled',
  PENDING_CANCEL: 'Cancel requested',
  CANCELED: 'Canceled',
  EXPIRED: 'Expired unfilled',
};

/** GET /api/orders item: the journaled order row. Prices in paise, times ISO instants. */
export interface OrderView {
  id: number;
  clientOrderId: string;
  brokerOrderId: string | null;
  accountId: number;
  positionId: number | null;
  strategyType: string | null;
  /** The broker's symbol (shown on hover; the name is what a trader reads). */
  tradingSymbol: string;
  /** The contract as a trader says it ('NIFTY 08 Dec 26750 CE'), named by the API. */
  name: string;
  underlying: string;
  instrumentType: 'CE' | 'PE' | 'FUT';
  strike: number | null;
  expiryDate: string | null;
  side: 'BUY' | 'SELL';
  orderType: 'LIMIT' | 'MARKET';
  quantity: number;
  limitPricePaise: number | null;
  purpose: string;
  status: OrderStatus;
  filledQuantity: number;
  avgFillPricePaise: number | null;
  denialCode: string | null;
  denialContext: Record<string, string | number | boolean> | null;
  statusReason: string | null;
  inFlightUnknown: boolean;
  isPaper: boolean;
  /** When it was sent, market time (null before); the list shows it, else `createdAt`. */
  submittedAt: string | null;
  lastEventAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One applied event of the order's state machine (GET /api/orders/:id `history`). */
export interface OrderEventView {
  id: number;
  sequence: number;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  payload: Record<string, unknown>;
  occurredAt: string;
  recordedAt: string;
}

/** GET /api/orders/:id. */
export interface OrderDetailView extends OrderView {
  history: OrderEventView[];
}

/** Filters of the orders list (absent = all). */
export interface OrderFilters {
  accountId?: number;
  status?: OrderStatus;
}
