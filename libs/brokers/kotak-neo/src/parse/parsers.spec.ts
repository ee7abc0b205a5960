import { KotakNeoError } from '../errors/kotak-neo.error';
import { neoFixture } from '../testing/neo-fixtures';
import { paiseOfDecimalText } from './neo-fields';
import { parseMasterFilePaths } from './parse-file-paths';
import { parseLimits, parseMarginCheck } from './parse-funds';
import { parseLoginData } from './parse-login';
import { parseOrderAck, parseOrderBook, parseOrderHistory } from './parse-orders';
import { parsePositions } from './parse-positions';
import { parseQuotes } from './parse-quotes';
import { parseTradeBook } from './parse-trades';

type Json = Record<string, unknown>;
const withRow = (name: string, over: Json): Json => {
  const f = neoFixture<{ data: Json[] }>(name);
  return { ...f, data: [{ ...f.data[0], ...over }] };
};

function malformedBy(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof KotakNeoError && e.reason === 'MALFORMED_RESPONSE' && e.kind === 'UNKNOWN') return e.message;
    throw e;
  }
  throw new Error('parsed without complaint');
}

describe('parsing recorded Kotak payloads', () => {
  it('reads an order row with exact paise, the tag, and the time from updRecvTm', () => {
    const [o] = parseOrderBook(neoFixture('orders.book'));
    expect(o).toEqual({
      orderNo: '260810000000001',
      tag: 'k0123456789abcdef012',
      exchangeSegment: 'nse_fo',
      token: '35128',
      tradingSymbol: 'NIFTY26AUG24500CE',
      side: 'SELL',
      product: 'NRML',
      priceType: 'L',
      quantity: 65,
      filledQuantity: 0,
      limitPricePaise: 12050,
      averagePricePaise: undefined,
      status: 'open',
      rejectReason: undefined,
      updatedAtMs: Date.parse('2026-08-10T04:30:01.933Z'),
    });
  });

  it('falls back to hsUpTm, then ordEntTm (IST) when updRecvTm is missing', () => {
    const noNanos = withRow('orders.book', { updRecvTm: undefined });
    expect(parseOrderBook(noNanos)[0].updatedAtMs).toBe(Date.parse('2026-08-10T04:30:01Z'));
    const onlyEntry = withRow('orders.book', { updRecvTm: undefined, hsUpTm: undefined });
    expect(parseOrderBook(onlyEntry)[0].updatedAtMs).toBe(Date.parse('2026-08-10T04:30:01Z'));
  });

  it('reads a history newest first and refuses rows of another order', () => {
    const rows = parseOrderHistory(neoFixture('orders.history'), '260810000000001');
    expect(rows.map((r) => r.status)).toEqual(['complete', 'open', 'open pending', 'validation pending', 'put order req received']);
    expect(rows[0]).toMatchObject({ filledQuantity: 65, averagePricePaise: 12050 });
    expect(malformedBy(() => parseOrderHistory(neoFixture('orders.history'), '260810000000002'))).toMatch(/contains order 260810000000001/);
  });

  it.each([
    ['an unknown status word', { ordSt: 'partially exploded' }, /ordSt/],
    ['a filled quantity above the order quantity', { fldQty: 130 }, /fldQty/],
    ['a missing order number', { nOrdNo: undefined }, /nOrdNo/],
    ['a side that is not B or S', { trnsTp: 'BUY' }, /trnsTp/],
    ['a quantity written as words', { qty: 'sixty-five' }, /qty/],
    ['a price that is not a number', { prc: 'abc' }, /prc/],
    ['no time at all', { updRecvTm: undefined, hsUpTm: undefined, ordEntTm: undefined }, /time of the last update/],
  ])('refuses the whole order book for a row with %s', (_label, over, field) => {
    expect(malformedBy(() => parseOrderBook(withRow('orders.book', over)))).toMatch(field);
  });

  it('reads a fill with its price, IST fill time and a blank token', () => {
    const [t] = parseTradeBook(neoFixture('trades.book'));
    expect(t).toMatchObject({ orderNo: '260810000000001', fillId: '207983744', quantity: 65, pricePaise: 12050, token: undefined, side: 'SELL', tag: 'k0123456789abcdef012' });
    expect(t.occurredAtMs).toBe(Date.parse('2026-08-10T04:30:16Z'));
    expect(malformedBy(() => parseTradeBook(withRow('trades.book', { fldQty: 0 })))).toMatch(/fldQty/);
    expect(malformedBy(() => parseTradeBook(withRow('trades.book', { avgPrc: '0.00' })))).toMatch(/avgPrc/);
  });

  it('reads day and carried-forward quantities and amounts of a position', () => {
    const [p] = parsePositions(neoFixture('positions'));
    expect(p).toMatchObject({ token: '35128', dayBuyQuantity: 0, daySellQuantity: 65, cfBuyQuantity: 0, cfSellQuantity: 130, daySellPaise: 783250, cfSellPaise: 1560000, multiplier: 1, lotSize: 65 });
    expect(malformedBy(() => parsePositions(withRow('positions', { cfSellQty: '-5' })))).toMatch(/cfSellQty/);
    expect(malformedBy(() => parsePositions(withRow('positions', { multiplier: '0' })))).toMatch(/multiplier/);
  });

  it('reads limits and a margin check to the paisa despite float noise in the text', () => {
    expect(parseLimits(neoFixture('limits'))).toEqual({ netPaise: 5_876_543_211, marginUsedPaise: 123_456_789, collateralPaise: 6_000_000_000 });
    expect(parseMarginCheck(neoFixture('check-margin'))).toMatchObject({ orderMarginPaise: 19_150_000, shortfallPaise: 0, rmsValidated: 'OK' });
    expect(malformedBy(() => parseLimits({ ...neoFixture('limits'), Net: 'lots' }))).toMatch(/Net/);
  });

  it.each([
    ['19.409999999999997', 1941],
    ['475200.00', 47_520_000],
    ['15.500000', 1550],
    ['0.005', 1],
    ['0.004', 0],
    ['-0.24', -24],
    ['-0.005', -1],
  ])('turns the rupee text %s into %i paise exactly', (text, paise) => {
    expect(paiseOfDecimalText(text)).toBe(paise);
  });

  it('reads quotes: LTP, previous close, OI, volume and the depth’s best levels', () => {
    const [q] = parseQuotes(neoFixture<unknown[]>('quotes.option'));
    expect(q).toMatchObject({ token: '35128', exchangeSegment: 'nse_fo', lastPricePaise: 12050, closePaise: 12890, openInterest: 11_234_500, volume: 30_043_533 });
    expect(q.bids[0]).toEqual({ pricePaise: 12040, quantity: 1755, orders: 4 });
    expect(q.asks[0]).toEqual({ pricePaise: 12055, quantity: 520, orders: 1 });
    const [index] = parseQuotes(neoFixture<unknown[]>('quotes.index'));
    expect(index).toMatchObject({ token: 'Nifty 50', lastPricePaise: 2_458_735, bids: [], asks: [] });
    expect(malformedBy(() => parseQuotes({ stat: 'Ok' }))).toMatch(/not a list/);
    expect(malformedBy(() => parseQuotes([{ ...neoFixture<Json[]>('quotes.option')[0], ltp: 'n/a' }]))).toMatch(/ltp/);
  });

  it('finds the dated NSE F&O and cash files among the file paths', () => {
    const files = parseMasterFilePaths(neoFixture('file-paths'));
    expect(files.date).toBe('2026-08-10');
    expect(files.nseFoUrl).toMatch(/\/2026-08-10\/transformed\/nse_fo\.csv$/);
    expect(files.nseCmUrl).toMatch(/\/2026-08-10\/transformed-v1\/nse_cm-v1\.csv$/);
    const onlyFo = { data: { filesPaths: [files.nseFoUrl] } };
    expect(malformedBy(() => parseMasterFilePaths(onlyFo))).toMatch(/nse_cm/);
    const mixed = { data: { filesPaths: [files.nseFoUrl, files.nseCmUrl.replace('2026-08-10', '2026-08-07')] } };
    expect(malformedBy(() => parseMasterFilePaths(mixed))).toMatch(/dated/);
  });

  it('reads the login steps, success from the body, and refuses a token of the wrong type', () => {
    expect(parseLoginData(neoFixture('login.view.ok'), 'View')).toMatchObject({ kType: 'View', hsServerId: 'server1' });
    expect(parseLoginData(neoFixture('login.trade.ok'), 'Trade')).toMatchObject({ kType: 'Trade', baseUrl: 'https://e43.kotaksecurities.com', dataCenter: 'E43' });
    expect(malformedBy(() => parseLoginData(neoFixture('login.view.ok'), 'Trade'))).toMatch(/Trade token/);
    const failed = neoFixture<{ data: Json }>('login.trade.ok');
    expect(malformedBy(() => parseLoginData({ data: { ...failed.data, status: 'failed' } }, 'Trade'))).toMatch(/status/);
  });

  it('reads the order number of an acknowledgement and nothing else', () => {
    expect(parseOrderAck(neoFixture('order.ack'), 'placement')).toBe('260810000000001');
    expect(malformedBy(() => parseOrderAck({ stat: 'Ok', stCode: 200, nOrdNo: '' }, 'placement'))).toMatch(/nOrdNo/);
    expect(malformedBy(() => parseOrderAck([], 'placement'))).toMatch(/not an object/);
  });
});
