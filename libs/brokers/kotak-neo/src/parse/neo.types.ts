/**
 * Kotak Neo records after validation: Kotak's vocabulary (segments, order numbers, raw
 * status) with exact units (integer paise, units not lots, UTC epoch ms). The execution
 * client maps them to the domain's types.
 */

/** Order status words Kotak uses in `ordSt` (lower-cased). */
export const NEO_ORDER_STATUSES = [
  'put order req received',
  'validation pending',
  'open pending',
  'after market order req received',
  'modify after market order req received',
  'open',
  'trigger pending',
  'modify pending',
  'modify validation pending',
  'modified',
  'not modified',
  'cancel pending',
  'not cancelled',
  'complete',
  'traded',
  'rejected',
  'cancelled',
  'cancelled after market order',
  'expired',
  'lapsed',
] as const;

/** One of `NEO_ORDER_STATUSES`. */
export type NeoOrderStatus = (typeof NEO_ORDER_STATUSES)[number];

/** Buy or sell in our words. */
export type NeoSide = 'BUY' | 'SELL';

/** One order (book row or history entry). */
export interface NeoOrder {
  readonly orderNo: string;
  /** `GuiOrdId`: the `ig` tag we sent (our clientOrderId); undefined when blank. */
  readonly tag?: string;
  readonly exchangeSegment: string;
  readonly token?: string;
  readonly tradingSymbol: string;
  readonly side: NeoSide;
  readonly product: string;
  readonly priceType: string;
  readonly quantity: number;
  readonly filledQuantity: number;
  readonly limitPricePaise?: number;
  readonly averagePricePaise?: number;
  readonly status: NeoOrderStatus;
  readonly rejectReason?: string;
  readonly updatedAtMs: number;
}

/** One fill. */
export interface NeoTrade {
  readonly orderNo: string;
  readonly fillId: string;
  readonly tag?: string;
  readonly exchangeSegment: string;
  readonly token?: string;
  readonly tradingSymbol: string;
  readonly side: NeoSide;
  readonly product: string;
  readonly quantity: number;
  readonly pricePaise: number;
  readonly occurredAtMs: number;
}

/** One position row: day (`fl…`) and carried-forward (`cf…`) quantities in units and amounts in paise. */
export interface NeoPosition {
  readonly exchangeSegment: string;
  readonly token: string;
  readonly tradingSymbol: string;
  readonly product: string;
  readonly dayBuyQuantity: number;
  readonly daySellQuantity: number;
  readonly cfBuyQuantity: number;
  readonly cfSellQuantity: number;
  readonly dayBuyPaise: number;
  readonly daySellPaise: number;
  readonly cfBuyPaise: number;
  readonly cfSellPaise: number;
  /** multiplier × (genNum/genDen) × (prcNum/prcDen): rupees per unit-point (1 for NSE F&O). */
  readonly multiplier: number;
  readonly genNum: number;
  readonly genDen: number;
  readonly prcNum: number;
  readonly prcDen: number;
  readonly lotSize: number;
}

/** Funds (`quick/user/limits`). */
export interface NeoLimits {
  /** `Net`: what is free to use now. */
  readonly netPaise: number;
  readonly marginUsedPaise: number;
  readonly collateralPaise: number;
}

/** Margin of one order (`quick/user/check-margin`). */
export interface NeoMarginCheck {
  /** `ordMrgn`: margin this order would block. */
  readonly orderMarginPaise: number;
  /** `reqdMrgn`. */
  readonly requiredMarginPaise: number;
  readonly availableCashPaise: number;
  /** `insufFund`: shortfall, 0 when the order fits. */
  readonly shortfallPaise: number;
  /** `rmsVldtd`, 'OK' when RMS would accept. */
  readonly rmsValidated: string;
}

/** One level of depth, price in paise. */
export interface NeoDepthLevel {
  readonly pricePaise: number;
  readonly quantity: number;
  readonly orders: number;
}

/** One quote. Index values are in paise of points. */
export interface NeoQuote {
  readonly exchangeSegment: string;
  /** `exchange_token`: the token, or the index name for indices. */
  readonly token: string;
  readonly displaySymbol: string;
  readonly lastPricePaise: number;
  readonly openPaise?: number;
  readonly highPaise?: number;
  readonly lowPaise?: number;
  /** `ohlc.close`: the previous close. */
  readonly closePaise?: number;
  readonly volume?: number;
  readonly openInterest?: number;
  readonly bids: readonly NeoDepthLevel[];
  readonly asks: readonly NeoDepthLevel[];
  /** `lstup_time` (epoch seconds) as ms, when given. */
  readonly lastUpdateMs?: number;
}
