import type { KotakNeoSession } from '../auth/kotak-neo-session';
import { neoPriceText } from '../http/neo-form';
import { parseLimits, parseMarginCheck } from '../parse/parse-funds';
import { parseOrderBook, parseOrderHistory } from '../parse/parse-orders';
import { parsePositions } from '../parse/parse-positions';
import { parseTradeBook } from '../parse/parse-trades';
import type { NeoLimits, NeoMarginCheck, NeoOrder, NeoPosition, NeoSide, NeoTrade } from '../parse/neo.types';
import { sessionCall, sessionListCall, type NeoApiContext } from './neo-api-context';

/** Today's order book (empty when Kotak says "No Data"). */
export function neoOrderBook(ctx: NeoApiContext, session: KotakNeoSession): Promise<readonly NeoOrder[]> {
  return sessionListCall(ctx, session, { what: 'reading the order book', method: 'GET', path: 'quick/user/orders', timeout: 'read' }, parseOrderBook);
}

/** Every state one order went through, newest first. */
export async function neoOrderHistory(ctx: NeoApiContext, session: KotakNeoSession, orderNo: string): Promise<readonly NeoOrder[]> {
  const json = await sessionCall(ctx, session, { what: `reading the history of order ${orderNo}`, method: 'POST', path: 'quick/order/history', form: { nOrdNo: orderNo }, timeout: 'read' });
  return parseOrderHistory(json, orderNo);
}

/** Today's fills. */
export function neoTradeBook(ctx: NeoApiContext, session: KotakNeoSession): Promise<readonly NeoTrade[]> {
  return sessionListCall(ctx, session, { what: 'reading the trade book', method: 'GET', path: 'quick/user/trades', timeout: 'read' }, parseTradeBook);
}

/** Position rows (day and carried forward). */
export function neoPositions(ctx: NeoApiContext, session: KotakNeoSession): Promise<readonly NeoPosition[]> {
  return sessionListCall(ctx, session, { what: 'reading positions', method: 'GET', path: 'quick/user/positions', timeout: 'read' }, parsePositions);
}

/** Funds across all segments and products. */
export async function neoLimits(ctx: NeoApiContext, session: KotakNeoSession): Promise<NeoLimits> {
  const json = await sessionCall(ctx, session, { what: 'reading limits', method: 'POST', path: 'quick/user/limits', form: { seg: 'ALL', exch: 'ALL', prod: 'ALL' }, timeout: 'read' });
  return parseLimits(json);
}

/** One order's terms for Kotak's margin check (one order per call: no basket, no spread benefit). */
export interface NeoMarginLeg {
  readonly exchangeSegment: string;
  readonly token: string;
  readonly side: NeoSide;
  readonly quantity: number;
  readonly limitPricePaise: number;
  readonly product: 'NRML' | 'MIS';
}

/** The margin Kotak would block for one order. */
export async function neoCheckMargin(ctx: NeoApiContext, session: KotakNeoSession, leg: NeoMarginLeg): Promise<NeoMarginCheck> {
  const form = {
    exSeg: leg.exchangeSegment,
    prc: neoPriceText(leg.limitPricePaise),
    prcTp: 'L',
    prod: leg.product,
    qty: String(leg.quantity),
    tok: leg.token,
    trnsTp: leg.side === 'BUY' ? 'B' : 'S',
    trgPrc: '0',
  };
  const json = await sessionCall(ctx, session, { what: 'checking margin', method: 'POST', path: 'quick/user/check-margin', form, timeout: 'read' });
  return parseMarginCheck(json);
}
