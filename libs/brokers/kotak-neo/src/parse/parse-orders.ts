import { malformed } from '../errors/kotak-neo.error';
import { NeoFields } from './neo-fields';
import { epochMsOfNanos, epochMsOfNeoDayMonth, epochMsOfNeoSlashed } from './neo-time';
import { NEO_ORDER_STATUSES, type NeoOrder } from './neo.types';

/** The order number of a place/modify/cancel acknowledgement (`{stat: 'Ok', nOrdNo, stCode: 200}`). */
export function parseOrderAck(json: unknown, what: string): string {
  const f = NeoFields.of(what, json);
  const orderNo = f.text('nOrdNo');
  if (!/^\w+$/.test(orderNo)) f.fail('nOrdNo', 'an order number');
  return orderNo;
}

function updatedAtOf(f: NeoFields): number {
  const fromNanos = epochMsOfNanos(f.raw('updRecvTm'));
  if (fromNanos !== undefined) return fromNanos;
  const slashed = f.optionalText('hsUpTm');
  const bySlash = slashed ? epochMsOfNeoSlashed(slashed) : undefined;
  if (bySlash !== undefined) return bySlash;
  for (const key of ['ordEntTm', 'flDtTm', 'exchTmstp']) {
    const t = f.optionalText(key);
    const ms = t ? epochMsOfNeoDayMonth(t) : undefined;
    if (ms !== undefined) return ms;
  }
  return f.fail('updRecvTm', 'a time of the last update (updRecvTm, hsUpTm or ordEntTm)');
}

/** One order row (book or history), validated field by field. */
export function parseNeoOrder(value: unknown, what: string, path: string): NeoOrder {
  const f = NeoFields.of(what, value, path);
  const quantity = f.count('qty');
  const filledQuantity = f.count('fldQty');
  if (quantity < 1) f.fail('qty', 'a quantity ≥ 1');
  if (filledQuantity > quantity) f.fail('fldQty', `at most qty (${quantity})`);
  const limit = f.optionalPaise('prc');
  const average = f.optionalPaise('avgPrc');
  return {
    orderNo: f.text('nOrdNo'),
    tag: f.optionalText('GuiOrdId'),
    exchangeSegment: f.text('exSeg'),
    token: f.optionalText('tok'),
    tradingSymbol: f.text('trdSym'),
    side: f.oneOf('trnsTp', ['B', 'S'] as const) === 'B' ? 'BUY' : 'SELL',
    product: f.text('prod'),
    priceType: f.text('prcTp'),
    quantity,
    filledQuantity,
    limitPricePaise: limit !== undefined && limit > 0 ? limit : undefined,
    averagePricePaise: average !== undefined && average > 0 && filledQuantity > 0 ? average : undefined,
    status: f.oneOf('ordSt', NEO_ORDER_STATUSES, { lower: true }),
    rejectReason: f.optionalText('rejRsn'),
    updatedAtMs: updatedAtOf(f),
  };
}

function listOf(json: unknown, what: string): readonly unknown[] {
  return NeoFields.of(what, json).array('data');
}

/** The order book (`{stat: 'Ok', stCode: 200, data: [...]}`): every row valid, or an error. */
export function parseOrderBook(json: unknown): readonly NeoOrder[] {
  const what = 'order book';
  return listOf(json, what).map((row, i) => parseNeoOrder(row, what, `data[${i}]`));
}

/** One order's history, newest first as Kotak sends it; all rows must be of that order. */
export function parseOrderHistory(json: unknown, orderNo: string): readonly NeoOrder[] {
  const what = `order history of ${orderNo}`;
  const rows = listOf(json, what).map((row, i) => parseNeoOrder(row, what, `data[${i}]`));
  const stranger = rows.find((r) => r.orderNo !== orderNo);
  if (stranger) throw malformed(what, `contains order ${stranger.orderNo}`);
  return rows;
}
