import type { KotakNeoSession } from '../auth/kotak-neo-session';
import { KotakNeoError } from '../errors/kotak-neo.error';
import { neoPriceText } from '../http/neo-form';
import { parseOrderAck } from '../parse/parse-orders';
import type { NeoSide } from '../parse/neo.types';
import { sessionCall, type NeoApiContext } from './neo-api-context';

/** A LIMIT order in Kotak's terms (the only order type mCube sends). */
export interface NeoPlaceOrder {
  readonly exchangeSegment: string;
  /** `pTrdSymbol` from the scrip master. */
  readonly tradingSymbol: string;
  readonly side: NeoSide;
  /** Units, not lots. */
  readonly quantity: number;
  readonly limitPricePaise: number;
  readonly product: 'NRML' | 'MIS';
  readonly validity: 'DAY' | 'IOC';
  /** Goes into `ig` and comes back as `GuiOrdId`: our clientOrderId. */
  readonly tag: string;
}

/** A change to a working LIMIT order; Kotak wants the order's other terms repeated. */
export interface NeoModifyOrder {
  readonly orderNo: string;
  readonly token: string;
  readonly exchangeSegment: string;
  readonly tradingSymbol: string;
  readonly side: NeoSide;
  readonly product: string;
  readonly quantity: number;
  readonly limitPricePaise: number;
}

function checkTerms(quantity: number, pricePaise: number, tag?: string): void {
  const bad = (msg: string): KotakNeoError => new KotakNeoError('REJECTED', `not sent to Kotak: ${msg}`, { reason: 'INVALID_REQUEST' });
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw bad(`quantity must be whole units ≥ 1, got ${quantity}`);
  if (!Number.isSafeInteger(pricePaise) || pricePaise < 1) throw bad(`a LIMIT price must be > 0 paise, got ${pricePaise}`);
  if (tag !== undefined && !/^[\w.:-]{1,40}$/.test(tag)) throw bad('the tag must be 1–40 letters, digits or . : _ -');
}

/** Places one LIMIT order (sent once, never retried) and returns Kotak's order number. */
export async function placeNeoOrder(ctx: NeoApiContext, session: KotakNeoSession, order: NeoPlaceOrder): Promise<string> {
  checkTerms(order.quantity, order.limitPricePaise, order.tag);
  const form = {
    am: 'NO',
    dq: '0',
    es: order.exchangeSegment,
    mp: '0',
    pc: order.product,
    pf: 'N',
    pr: neoPriceText(order.limitPricePaise),
    pt: 'L',
    qt: String(order.quantity),
    rt: order.validity,
    tp: '0',
    ts: order.tradingSymbol,
    tt: order.side === 'BUY' ? 'B' : 'S',
    ig: order.tag,
    os: ctx.config.orderSource,
  };
  const json = await sessionCall(ctx, session, { what: 'placing an order', method: 'POST', path: 'quick/order/rule/ms/place', form, timeout: 'order' });
  return parseOrderAck(json, 'order placement');
}

/** Changes price and/or quantity of a working order; resolves with the order number Kotak echoes. */
export async function modifyNeoOrder(ctx: NeoApiContext, session: KotakNeoSession, m: NeoModifyOrder): Promise<string> {
  checkTerms(m.quantity, m.limitPricePaise);
  const form = {
    no: m.orderNo,
    tk: m.token,
    es: m.exchangeSegment,
    ts: m.tradingSymbol,
    tt: m.side === 'BUY' ? 'B' : 'S',
    pc: m.product,
    pt: 'L',
    pr: neoPriceText(m.limitPricePaise),
    qt: String(m.quantity),
    tp: '0',
    dq: '0',
    mp: '0',
    dd: 'NA',
    vd: 'DAY',
    am: 'NO',
    os: ctx.config.orderSource,
  };
  const json = await sessionCall(ctx, session, { what: `modifying order ${m.orderNo}`, method: 'POST', path: 'quick/order/vr/modify', form, timeout: 'order' });
  return parseOrderAck(json, 'order modification');
}

/** Asks Kotak to cancel an order; 1021 (already complete) comes back as REJECTED/ORDER_COMPLETE. */
export async function cancelNeoOrder(ctx: NeoApiContext, session: KotakNeoSession, orderNo: string): Promise<string> {
  const json = await sessionCall(ctx, session, { what: `canceling order ${orderNo}`, method: 'POST', path: 'quick/order/cancel', form: { on: orderNo, am: 'NO' }, timeout: 'order' });
  return parseOrderAck(json, 'order cancellation');
}
