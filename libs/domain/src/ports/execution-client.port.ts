import type { TradeCharges } from '../costs/trade-charges';
import type { Paise } from '../money/paise';
import type { OrderSide } from '../orders/order-types';
import { instrumentIdOf, type InstrumentId } from '../instruments/instrument-id';
import type { BrokerName, ExchangeSegment } from '../risk/order-terms';

/**
 * The contract of an order mCube sends (issue 13): the instrument id and its exchange segment,
 * nothing else. Each adapter looks up its broker's own symbol/token at its edge (Kotak from its
 * master, ICICI from its security master, the paper broker from its contract rules and the
 * market source's symbol); no caller hands a broker a symbol.
 */
export interface OrderInstrument extends InstrumentId {
  readonly segment: ExchangeSegment;
}

/** The order contract of an instrument that may carry more (a stored symbol or token): its id and `segment` only. */
export function orderInstrumentOf(instrument: InstrumentId, segment: ExchangeSegment): OrderInstrument {
  return { ...instrumentIdOf(instrument), segment };
}

/**
 * A contract as a broker reports it (orders, trades, positions): the id plus the broker's own
 * symbol/token when it names them. mCube matches by the id (or the broker order id / tag),
 * never by comparing its stored symbol to the broker's; the symbol is for people reading.
 */
export interface BrokerInstrument extends OrderInstrument {
  /** The broker's trading symbol (Kotak `pTrdSymbol`, Breeze stock code + expiry…). */
  readonly tradingSymbol?: string;
  /** The broker's instrument token, when it has one. */
  readonly instrumentToken?: string;
}

/**
 * One child order to send: a LIMIT order of at most the freeze quantity (slicing, throttling
 * and risk checks happened before). `clientOrderId` goes into the broker's tag/remarks field.
 */
export interface PlaceOrderRequest {
  readonly clientOrderId: string;
  readonly accountId: string;
  readonly instrument: OrderInstrument;
  readonly side: OrderSide;
  /** Units, not lots. */
  readonly quantity: number;
  /** Rupees, on the tick. */
  readonly limitPrice: number;
  /** NRML carries overnight (both strategies); MIS is intraday. */
  readonly product: 'NRML' | 'MIS';
  readonly validity: 'DAY' | 'IOC';
}

/** The broker took the order. */
export interface PlaceOrderAck {
  readonly clientOrderId: string;
  readonly brokerOrderId: string;
}

/** An order as the broker reports it, normalised. PENDING = received, not yet at the exchange. */
export type BrokerOrderState = 'PENDING' | 'OPEN' | 'FILLED' | 'CANCELED' | 'REJECTED' | 'EXPIRED';

/**
 * The broker's view of one order. `filledQuantity` and `averagePrice` are the broker's
 * claim, used to compare during reconciliation; mCube's own quantities come from trades.
 */
export interface BrokerOrderReport {
  readonly brokerOrderId: string;
  /** Read back from the tag; absent for orders placed outside mCube. */
  readonly clientOrderId?: string;
  readonly instrument: BrokerInstrument;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly limitPrice?: number;
  readonly state: BrokerOrderState;
  readonly filledQuantity: number;
  readonly averagePrice?: number;
  readonly rejectReason?: string;
  /** UTC epoch ms of the broker's last update. */
  readonly updatedAtMs: number;
}

/** One execution (trade) from the broker's trade book: the authority for quantities. */
export interface BrokerTrade {
  readonly tradeId: string;
  readonly brokerOrderId: string;
  readonly clientOrderId?: string;
  readonly instrument: BrokerInstrument;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly price: number;
  readonly occurredAtMs: number;
  /**
   * Charges of this fill when the broker reports them with the trade (the paper broker: the
   * domain cost model, `tradeCharges`). Absent from a live broker's trade book (its contract
   * note comes later): the fill then carries 0 and P&L reports estimate them.
   */
  readonly charges?: TradeCharges;
}

/** A net position at the broker (signed: + long, − short), for reconciliation. */
export interface BrokerPosition {
  readonly instrument: BrokerInstrument;
  readonly netQuantity: number;
  /** Average price of the open quantity, rupees (Kotak: amount ÷ quantity). */
  readonly averagePrice: number;
  readonly product: 'NRML' | 'MIS';
}

/** Margin figures reported by the broker. */
export interface BrokerMargin {
  readonly availablePaise: Paise;
  readonly usedPaise: Paise;
  readonly asOfMs: number;
}

/** A change pushed by the broker's order stream. */
export type BrokerOrderUpdate = { readonly type: 'ORDER'; readonly order: BrokerOrderReport } | { readonly type: 'TRADE'; readonly trade: BrokerTrade };

/**
 * The broker behind the order path (paper, Kotak Neo, ICICI Breeze: same shape each).
 *
 * Required: `placeOrder`, `cancelOrder`, `orderByTag`, `listOrders`, `listTrades`,
 * `listPositions`, `availableMargin`. Optional: `modifyOrder`, `checkMargin` (Kotak's
 * one-order margin check), `subscribeOrderUpdates` (a push stream; without one the
 * gateway polls `listOrders`/`listTrades`), `ensureSession` (daily login).
 *
 * Guarantees: every method either resolves with normalised domain values or rejects with
 * a `BrokerError`; raw payloads never leave the adapter. `placeOrder` sends exactly once
 * (no retry inside the adapter) and writes `clientOrderId` into the broker's tag field, so
 * `orderByTag` can find the order after a timeout. Lists cover the current trading day.
 */
export interface ExecutionClient {
  readonly broker: BrokerName | 'PAPER';
  /** Sends one LIMIT order. A timeout rejects with TEMPORARY/UNKNOWN: outcome unknown (`placeOrderOutcome`). */
  placeOrder(request: PlaceOrderRequest): Promise<PlaceOrderAck>;
  /** Asks to cancel; resolution means the request was accepted, not that the order is canceled. REJECTED if already complete. */
  cancelOrder(request: { readonly brokerOrderId: string; readonly clientOrderId: string }): Promise<void>;
  /** The order whose tag is `clientOrderId`, or undefined when the broker has none today. */
  orderByTag(clientOrderId: string): Promise<BrokerOrderReport | undefined>;
  /** Today's order book. */
  listOrders(): Promise<readonly BrokerOrderReport[]>;
  /** Today's trade book. */
  listTrades(): Promise<readonly BrokerTrade[]>;
  /** Open net positions. */
  listPositions(): Promise<readonly BrokerPosition[]>;
  /** Margin available and in use now. */
  availableMargin(): Promise<BrokerMargin>;
  /** Optional: changes the price/quantity of a working order. */
  modifyOrder?(request: { readonly brokerOrderId: string; readonly quantity?: number; readonly limitPrice?: number }): Promise<void>;
  /** Optional: margin the broker would block for these orders. */
  checkMargin?(requests: readonly PlaceOrderRequest[]): Promise<Paise>;
  /** Optional: pushes order and trade updates; returns an unsubscribe function. */
  subscribeOrderUpdates?(listener: (update: BrokerOrderUpdate) => void): () => void;
  /** Optional: logs in if the daily session is missing or expired; AUTH_EXPIRED when it cannot. */
  ensureSession?(): Promise<void>;
}
