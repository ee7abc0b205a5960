import type { IsoDate, IstTime } from '@mcube/domain';

/**
 * Breeze records after validation, still in Breeze's vocabulary (ICICI stock codes such as
 * RELIND, 'call'/'put', Breeze status words). The mapping layer turns them into domain types
 * through the instrument resolver; nothing here leaves the library except on its raw API.
 */
export type BreezeProductType = 'futures' | 'options' | 'cash' | 'other';
export type BreezeAction = 'buy' | 'sell';

/** Contract fields as Breeze spells them on orders, trades, positions and quotes. */
export interface BreezeContractFields {
  /** ICICI short name (RELIND, CNXBAN, NIFTY). */
  readonly stockCode: string;
  /** NSE, NFO, BSE, BFO… */
  readonly exchangeCode: string;
  readonly productType: BreezeProductType;
  readonly expiryDate?: IsoDate;
  readonly right?: 'call' | 'put';
  readonly strikePrice?: number;
}

/** Order status words of the order book (letters R Q O P E J X B D F C in Breeze's TUX map). */
export type BreezeOrderStatus =
  | 'REQUESTED'
  | 'QUEUED'
  | 'ORDERED'
  | 'PARTIALLY_EXECUTED'
  | 'EXECUTED'
  | 'REJECTED'
  | 'EXPIRED'
  | 'PARTIALLY_EXECUTED_AND_EXPIRED'
  | 'PARTIALLY_EXECUTED_AND_CANCELLED'
  | 'FROZEN'
  | 'CANCELLED';

/** One row of the order book / order detail. */
export interface BreezeOrderRecord extends BreezeContractFields {
  readonly orderId: string;
  readonly exchangeOrderId?: string;
  readonly action: BreezeAction;
  readonly orderType: string;
  readonly quantity: number;
  readonly pendingQuantity: number;
  readonly cancelledQuantity: number;
  readonly price?: number;
  readonly averagePrice?: number;
  readonly status: BreezeOrderStatus;
  readonly userRemark?: string;
  /** order_datetime (IST, minute resolution) as epoch ms. */
  readonly orderAtMs: number;
}

/** Acknowledgement of place / modify / cancel. */
export interface BreezeOrderAck {
  readonly orderId: string;
  readonly message?: string;
}

/** One row of the trade book (no trade id: `tradeDetail` has the executions). */
export interface BreezeTradeBookRow extends BreezeContractFields {
  readonly orderId: string;
  readonly action: BreezeAction;
  readonly quantity: number;
  readonly averageCost: number;
  readonly tradeDate: IsoDate;
}

/** One execution of an order (trade detail). */
export interface BreezeExecution {
  readonly tradeId: string;
  readonly exchangeTradeId?: string;
  readonly action: BreezeAction;
  readonly quantity: number;
  readonly price: number;
  readonly executedAtMs: number;
  readonly stockCode: string;
  readonly exchangeCode: string;
}

/** One portfolio position. `action` 'na' with quantity 0 is a closed line. */
export interface BreezePositionRecord extends BreezeContractFields {
  readonly action: BreezeAction | 'na';
  readonly quantity: number;
  readonly averagePrice: number;
  readonly ltp?: number;
  /** Breeze's own figure, usually null. */
  readonly pnl?: number;
}

/** `funds`: rupee amounts in paise. Available F&O margin = allocated − blocked. */
export interface BreezeFunds {
  readonly bankBalancePaise: number;
  readonly allocatedEquityPaise: number;
  readonly allocatedFnoPaise: number;
  readonly blockedEquityPaise: number;
  readonly blockedFnoPaise: number;
  readonly unallocatedPaise: number;
}

/** `margin` of one exchange, paise. */
export interface BreezeMarginSummary {
  readonly cashLimitPaise: number;
  readonly amountAllocatedPaise: number;
  readonly blockByTradePaise: number;
  readonly isecMarginPaise: number;
}

/** `margincalculator` result, paise. */
export interface BreezeMarginEstimate {
  readonly spanMarginPaise: number;
  readonly nonSpanMarginPaise: number;
  readonly orderValuePaise?: number;
}

/** A quote (and an option-chain row, which adds open interest and its change). */
export interface BreezeQuoteRecord extends BreezeContractFields {
  readonly ltp: number;
  readonly lastTradeAtMs?: number;
  readonly bestBid?: number;
  readonly bestOffer?: number;
  readonly open?: number;
  readonly high?: number;
  readonly low?: number;
  readonly previousClose?: number;
  readonly upperCircuit?: number;
  readonly lowerCircuit?: number;
  readonly totalQuantityTraded?: number;
  readonly spotPrice?: number;
  readonly openInterest?: number;
  readonly changeInOi?: number;
}

/** One historical v2 candle; `date` and `time` are the IST start of the bar. */
export interface BreezeBar {
  readonly date: IsoDate;
  readonly time: IstTime;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly openInterest?: number;
}
