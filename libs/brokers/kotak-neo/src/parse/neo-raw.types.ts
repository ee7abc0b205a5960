/**
 * Kotak Neo wire payloads as recorded (SDK docs and public answers), only typed, never
 * trusted: every parser re-validates them field by field. They stay apart from the lib's
 * parsed records (`neo.types.ts`) and from the domain's types. Kotak sends most numbers as
 * strings, quantities in the order and trade books as JSON numbers, `updRecvTm` in ns.
 */

/** `data` of tradeApiLogin (kType View) and tradeApiValidate (kType Trade, with baseUrl). */
export interface RawNeoLoginData {
  readonly token: string;
  readonly sid: string;
  readonly rid?: string;
  readonly hsServerId?: string;
  readonly ucc?: string;
  readonly dataCenter?: string;
  readonly baseUrl?: string;
  readonly kType: 'View' | 'Trade';
  readonly status: string;
  readonly [field: string]: unknown;
}

/** A failure body (HTTP 200 included). */
export interface RawNeoFailure {
  readonly stat?: string;
  readonly stCode?: number | string;
  readonly errMsg?: string;
  readonly emsg?: string;
  readonly error?: readonly { readonly code: string; readonly message: string }[];
}

/** Answer of place / modify / cancel. */
export interface RawNeoOrderAck {
  readonly stat: string;
  readonly nOrdNo: string;
  readonly stCode: number;
}

/** One order of the order book (`quick/user/orders`) or of an order's history. */
export interface RawNeoOrder {
  readonly nOrdNo: string;
  readonly ordSt: string;
  readonly trdSym: string;
  readonly tok: string;
  readonly exSeg: string;
  readonly prod: string;
  readonly trnsTp: 'B' | 'S';
  readonly prcTp: string;
  readonly qty: number;
  readonly fldQty: number;
  readonly unFldSz?: number;
  readonly prc: string;
  readonly avgPrc: string;
  readonly trgPrc?: string;
  readonly rejRsn?: string;
  readonly GuiOrdId?: string;
  readonly ordEntTm?: string;
  readonly hsUpTm?: string;
  readonly updRecvTm?: number;
  readonly [field: string]: unknown;
}

/** One fill of the trade book (`quick/user/trades`); `tok` is often blank there. */
export interface RawNeoTrade {
  readonly nOrdNo: string;
  readonly flId: string;
  readonly fldQty: number;
  readonly avgPrc: string;
  readonly trnsTp: 'B' | 'S';
  readonly trdSym: string;
  readonly tok: string;
  readonly exSeg: string;
  readonly prod: string;
  readonly GuiOrdId?: string;
  readonly flDt: string;
  readonly flTm: string;
  readonly [field: string]: unknown;
}

/** One row of `quick/user/positions`: quantities are units, amounts rupees, all strings. */
export interface RawNeoPosition {
  readonly exSeg: string;
  readonly tok: string;
  readonly trdSym: string;
  readonly prod: string;
  readonly flBuyQty: string;
  readonly flSellQty: string;
  readonly cfBuyQty: string;
  readonly cfSellQty: string;
  readonly buyAmt: string;
  readonly sellAmt: string;
  readonly cfBuyAmt: string;
  readonly cfSellAmt: string;
  readonly multiplier: string;
  readonly genNum: string;
  readonly genDen: string;
  readonly prcNum: string;
  readonly prcDen: string;
  readonly lotSz: string;
  readonly [field: string]: unknown;
}

/** `quick/user/limits` (root-level fields). */
export interface RawNeoLimits {
  readonly Net: string;
  readonly MarginUsed: string;
  readonly CollateralValue: string;
  readonly stat: string;
  readonly stCode: number;
  readonly [field: string]: unknown;
}

/** `quick/user/check-margin` (root-level fields). */
export interface RawNeoMarginCheck {
  readonly avlCash: string;
  readonly ordMrgn: string;
  readonly reqdMrgn: string;
  readonly insufFund: string;
  readonly rmsVldtd: string;
  readonly stat: string;
  readonly stCode: number;
  readonly [field: string]: unknown;
}

/** One level of market depth. */
export interface RawNeoDepthLevel {
  readonly price: string;
  readonly quantity: string;
  readonly orders: string;
}

/** One element of the quotes answer (a top-level JSON array). */
export interface RawNeoQuote {
  readonly exchange_token: string;
  readonly display_symbol: string;
  readonly exchange: string;
  readonly lstup_time?: string;
  readonly ltp: string;
  readonly last_volume?: string;
  readonly open_int?: string;
  readonly ohlc?: { readonly open: string; readonly high: string; readonly low: string; readonly close: string };
  readonly depth?: { readonly buy: readonly RawNeoDepthLevel[]; readonly sell: readonly RawNeoDepthLevel[] };
  readonly [field: string]: unknown;
}

/** `script-details/1.0/masterscrip/file-paths`. */
export interface RawNeoFilePaths {
  readonly data: { readonly baseFolder?: string; readonly filesPaths: readonly string[] };
}
