import { istDateTimeOf } from '@mcube/domain';
import type { FakeNeoFill, FakeNeoOrder, FakeNeoQuote } from './fake-neo-book';
import type { FakeNeoContract } from './fake-neo-master';
import type { FakeNeoPosition } from './fake-neo-positions';
import { neoFixture, neoRowTemplate } from './neo-fixtures';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Kotak's time formats of an instant (IST). */
function times(ms: number): { dayMonth: string; time: string; slashed: string; nanos: number; seconds: number } {
  const { date, time } = istDateTimeOf(ms);
  const [y, m, d] = date.split('-');
  return { dayMonth: `${d}-${MONTHS[Number(m) - 1]}-${y}`, time, slashed: `${y}/${m}/${d} ${time}`, nanos: ms * 1_000_000, seconds: Math.floor(ms / 1000) };
}

const two = (paise: number): string => (paise / 100).toFixed(2);

function expiryText(c: FakeNeoContract): string {
  const [y, m, d] = c.expiry.split('-');
  return `${d} ${MONTHS[Number(m) - 1]}, ${y}`;
}

function contractFields(c: FakeNeoContract): Record<string, unknown> {
  return {
    exSeg: 'nse_fo',
    tok: c.token,
    trdSym: c.tradingSymbol,
    sym: c.underlying,
    optTp: c.optionType,
    stkPrc: (c.strike ?? 0).toFixed(2),
    expDt: expiryText(c),
    lotSz: String(c.lotSize),
    brdLtQty: String(c.lotSize),
  };
}

/** An order as a row of the order book (the recorded row with our values written over it). */
export function orderRow(o: FakeNeoOrder, snapshot: { status: string; filled: number; filledValuePaise: number; atMs: number } = { ...o, atMs: o.updatedAtMs }): Record<string, unknown> {
  const t = times(snapshot.atMs);
  const entered = times(o.enteredAtMs);
  return {
    ...neoRowTemplate('orders.book'),
    ...contractFields(o.contract),
    nOrdNo: o.orderNo,
    ordSt: snapshot.status,
    stat: snapshot.status,
    trnsTp: o.side,
    prod: o.product,
    prcTp: 'L',
    qty: o.quantity,
    fldQty: snapshot.filled,
    unFldSz: o.quantity - snapshot.filled,
    prc: two(o.limitPaise),
    avgPrc: snapshot.filled > 0 ? two(Math.round(snapshot.filledValuePaise / snapshot.filled)) : '0.00',
    rejRsn: snapshot.status === 'rejected' ? (o.rejectReason ?? 'rejected') : '--',
    GuiOrdId: o.tag ?? '',
    vldt: o.validity,
    ordEntTm: `${entered.dayMonth} ${entered.time}`,
    ordDtTm: `${entered.dayMonth} ${entered.time}`,
    hsUpTm: t.slashed,
    updRecvTm: t.nanos,
    boeSec: t.seconds,
    uSec: String(t.seconds),
  };
}

/** The history of an order as Kotak lists it (newest first). */
export function historyRows(o: FakeNeoOrder): Record<string, unknown>[] {
  return [...o.history].reverse().map((h) => orderRow(o, h));
}

/** A fill as a row of the trade book (`tok` blank, as Kotak sends it there). */
export function tradeRow(f: FakeNeoFill): Record<string, unknown> {
  const t = times(f.atMs);
  return {
    ...neoRowTemplate('trades.book'),
    ...contractFields(f.contract),
    tok: '',
    nOrdNo: f.orderNo,
    flId: f.fillId,
    fldQty: f.quantity,
    avgPrc: two(f.pricePaise),
    trnsTp: f.side,
    prod: f.product,
    GuiOrdId: f.tag ?? '',
    flDt: t.dayMonth,
    flTm: t.time,
    exTm: `${t.dayMonth} ${t.time}`,
    hsUpTm: t.slashed,
    updRecvTm: t.nanos,
    boeSec: t.seconds,
  };
}

/** A position as a row of the positions answer (quantities and amounts as strings). */
export function positionRow(p: FakeNeoPosition): Record<string, unknown> {
  return {
    ...neoRowTemplate('positions'),
    ...contractFields(p.contract),
    prod: p.product,
    flBuyQty: String(p.flBuyQty),
    flSellQty: String(p.flSellQty),
    buyAmt: two(p.buyPaise),
    sellAmt: two(p.sellPaise),
    cfBuyQty: String(p.cfBuyQty),
    cfSellQty: String(p.cfSellQty),
    cfBuyAmt: two(p.cfBuyPaise),
    cfSellAmt: two(p.cfSellPaise),
  };
}

/** A quote element (recorded shape; depth from bid/ask). */
export function quoteRow(segment: string, token: string, display: string, q: FakeNeoQuote | undefined, atMs: number): Record<string, unknown> {
  const base = neoFixture<Record<string, unknown>[]>(segment === 'nse_cm' ? 'quotes.index' : 'quotes.option')[0];
  const price = (p: number | undefined): string => (p === undefined ? '0.0000' : (p / 100).toFixed(4));
  const level = (p: number | undefined, qty: number | undefined): Record<string, string>[] => (p === undefined ? [] : [{ price: price(p), quantity: String(qty ?? 650), orders: '1' }]);
  return {
    ...base,
    exchange_token: token,
    display_symbol: display,
    exchange: segment,
    lstup_time: String(Math.floor(atMs / 1000)),
    ltp: price(q?.ltpPaise ?? 0),
    last_volume: String(q?.volume ?? 0),
    open_int: String(q?.openInterest ?? 0),
    ohlc: { open: price(q?.ltpPaise), high: price(q?.ltpPaise), low: price(q?.ltpPaise), close: price(q?.closePaise ?? q?.ltpPaise) },
    depth: { buy: level(q?.bidPaise, q?.bidQty), sell: level(q?.askPaise, q?.askQty) },
  };
}

/** Price text as a client sends it, to paise; undefined when it is not one ('0.0' is refused, as Kotak does). */
export function paiseOfWirePrice(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^\d+(\.\d{1,2})?$/.test(text)) return undefined;
  const [whole, frac = ''] = text.split('.');
  const paise = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return paise === 0 && text !== '0' ? undefined : paise;
}
