/** Every order status, in lifecycle order (the domain's ORDER_STATUSES; the API checks the two agree). */
export const ORDER_STATUSES = ['INITIALIZED', 'DENIED', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'PARTIALLY_FILLED', 'FILLED', 'PENDING_CANCEL', 'CANCELED', 'EXPIRED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses a cancel can still be asked for: working at the broker and no cancel pending (the API's cancel rule). */
export const CANCELLABLE_ORDER_STATUSES = ['SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED'] as const;

export const ORDER_SIDES = ['BUY', 'SELL'] as const;
export type OrderSide = (typeof ORDER_SIDES)[number];

export const ORDER_TYPES = ['LIMIT', 'MARKET'] as const;
export type OrderTypeCode = (typeof ORDER_TYPES)[number];

export const ORDER_PURPOSES = ['ENTRY', 'EXIT', 'AVERAGE', 'ADJUST', 'TEST_ORDER'] as const;
export type OrderPurpose = (typeof ORDER_PURPOSES)[number];

/** GET /api/orders item (and POST /api/orders/:id/cancel): the journaled order row. Prices in paise, times ISO instants. */
export interface OrderResponse {
  id: number;
  clientOrderId: string;
  brokerOrderId: string | null;
  exchangeOrderId: string | null;
  accountId: number;
  positionId: number | null;
  strategyType: string | null;
  /** NFO-OPT or NFO-FUT. */
  exchangeSegment: string;
  /** mCube's instrument key, 'NIFTY-2026-08-25-24500-CE' (shown on hover; the name is what a trader reads). */
  tradingSymbol: string;
  instrumentToken: string | null;
  underlying: string;
  instrumentType: 'CE' | 'PE' | 'FUT';
  strike: number | null;
  /** IST date; null for an instrument without expiry. */
  expiryDate: string | null;
  side: OrderSide;
  orderType: OrderTypeCode;
  /** Units, not lots. */
  quantity: number;
  limitPricePaise: number | null;
  triggerPricePaise: number | null;
  purpose: OrderPurpose;
  status: OrderStatus;
  filledQuantity: number;
  avgFillPricePaise: number | null;
  denialCode: string | null;
  denialContext: Record<string, string | number | boolean> | null;
  statusReason: string | null;
  /** True when the send timed out: outcome unknown until the broker says (never resubmitted). */
  inFlightUnknown: boolean;
  isPaper: boolean;
  requiresApproval: boolean;
  approvedBy: string | null;
  approvedAt: string | null;
  /** When it was sent, market time (null before). */
  submittedAt: string | null;
  /** Broker/exchange time of the latest event applied. */
  lastEventAt: string | null;
  estimatedMarginPaise: number | null;
  estimatedRiskPaise: number | null;
  estimatedExposurePaise: number | null;
  product: 'NRML' | 'MIS' | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/orders item: the row with the contract as a trader says it ('NIFTY 08 Dec 26750 CE'). POST .../cancel answers the bare row. */
export interface OrderListItemResponse extends OrderResponse {
  name: string;
}

/** One applied event of the order's state machine (GET /api/orders/:id `history`). */
export interface OrderEventResponse {
  id: number;
  orderId: number;
  sequence: number;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  payload: Record<string, unknown>;
  occurredAt: string;
  recordedAt: string;
}

/** GET /api/orders/:id: the row, its name and its state history in sequence order. */
export interface OrderDetailResponse extends OrderListItemResponse {
  history: OrderEventResponse[];
}

/** Why the risk checks refused an intent: the first denial, and every code in check order. */
export interface OrderDenialResponse {
  code: string;
  codes: string[];
  message: string;
  context: Record<string, string | number | boolean>;
}

/** POST /api/orders (and each exit of a position): the journaled orders (one per slice) and the denial, if any. */
export interface SubmitOrderResponse {
  intentId: string;
  /** True when the key had been seen: nothing new was journaled or sent. */
  duplicate: boolean;
  orderIds: number[];
  statuses: string[];
  positionId: number | null;
  denial?: OrderDenialResponse;
}

/** POST /api/orders/entry: one result per leg, in the order given. */
export interface SubmitEntryResponse {
  duplicate: boolean;
  positionId: number | null;
  legs: SubmitOrderResponse[];
  denial?: OrderDenialResponse;
}
