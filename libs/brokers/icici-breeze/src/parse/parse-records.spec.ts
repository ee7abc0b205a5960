import { epochMsOfIst } from '@mcube/domain';
import { BreezeParseError } from '../errors/breeze-parse-error';
import { fixture } from '../testing/fake/fake-breeze-wire';
import { breezeDate, breezeDateTime, rupeesToPaise } from './breeze-fields';
import { parseBreezeEnvelope } from './breeze-envelope';
import { parseHistoricalBars } from './parse-historical';
import { parseQuotes } from './parse-market';
import { parseOrderList } from './parse-orders';
import { parseFunds, parseMarginEstimate, parsePositions } from './parse-portfolio';
import { parseTradeBook, parseTradeDetail } from './parse-trades';

const success = (name: string) => (fixture<{ Success: unknown }>(name)).Success;
type Row = Record<string, unknown>;
const withRow = (name: string, change: (row: Row) => void) => {
  const rows = success(name) as Row[];
  change(rows[0]);
  return rows;
};

describe('parsing recorded Breeze payloads', () => {
  it('reads the envelope, including the checksum failure that has no Success key', () => {
    expect(parseBreezeEnvelope(fixture('funds.success.json'))).toMatchObject({ ok: true });
    expect(parseBreezeEnvelope(fixture('error.invalid-checksum.json'))).toEqual({ ok: false, status: 5, error: 'Authentication Fail :: Invalid Checksum.' });
    expect(() => parseBreezeEnvelope({ Success: [], Status: '200', Error: null })).toThrow(BreezeParseError);
    expect(() => parseBreezeEnvelope([1])).toThrow(BreezeParseError);
  });

  it('reads an order-book row into Breeze terms', () => {
    const [order] = parseOrderList(success('order.list.success.json'));
    expect(order).toMatchObject({ orderId: '202608201400001234', stockCode: 'NIFTY', exchangeCode: 'NFO', productType: 'options', right: 'call', strikePrice: 25000, expiryDate: '2026-08-25', action: 'sell', quantity: 65, pendingQuantity: 65, cancelledQuantity: 0, price: 120.5, status: 'ORDERED', userRemark: 'r0123456789abcdef012' });
    expect(order.averagePrice).toBeUndefined();
    expect(order.orderAtMs).toBe(epochMsOfIst('2026-08-20', '10:05:00'));
  });

  it('refuses an unknown order status, a pending quantity above the quantity, an option without strike', () => {
    expect(() => parseOrderList(withRow('order.list.success.json', (r) => (r['status'] = 'Teleported')))).toThrow(/unknown order status/);
    expect(() => parseOrderList(withRow('order.list.success.json', (r) => (r['pending_quantity'] = '130')))).toThrow(/pending_quantity/);
    expect(() => parseOrderList(withRow('order.list.success.json', (r) => (r['strike_price'] = null)))).toThrow(/option needs/);
    expect(() => parseOrderList(withRow('order.list.success.json', (r) => (r['quantity'] = '65.5')))).toThrow(/whole number/);
    expect(() => parseOrderList(withRow('order.list.success.json', (r) => (r['order_datetime'] = 'yesterday')))).toThrow(/date-time/);
    expect(parseOrderList(null)).toEqual([]);
  });

  it('reads the trade book and the executions of an order', () => {
    expect(parseTradeBook(success('trades.list.success.json'))[0]).toMatchObject({ orderId: '202608201400001234', action: 'sell', quantity: 65, averageCost: 120.5, tradeDate: '2026-08-20' });
    expect(parseTradeDetail(success('trades.detail.success.json'))[0]).toEqual({
      tradeId: '2026/0820/00012345',
      exchangeTradeId: '500012345',
      action: 'sell',
      quantity: 65,
      price: 120.5,
      executedAtMs: epochMsOfIst('2026-08-20', '10:05:41'),
      stockCode: 'NIFTY',
      exchangeCode: 'NFO',
    });
  });

  it('reads positions with their null pnl, and funds into paise without float drift', () => {
    expect(parsePositions(success('portfoliopositions.success.json'))[0]).toMatchObject({ action: 'sell', quantity: 65, averagePrice: 120.5, ltp: 118.2, pnl: undefined, right: 'call', strikePrice: 25000 });
    expect(parseFunds(success('funds.success.json'))).toEqual({ bankBalancePaise: 1_300_000_000, allocatedEquityPaise: 20_000_000, allocatedFnoPaise: 1_200_000_000, blockedEquityPaise: 0, blockedFnoPaise: 125_000_053, unallocatedPaise: 80_000_000 });
    expect(parseMarginEstimate(success('margincalculator.success.json'))).toEqual({ spanMarginPaise: 19_461_000, nonSpanMarginPaise: 0, orderValuePaise: 162_175_000 });
  });

  it('reads an option chain (recorded shape): strike, right, OI and change in OI, spot', () => {
    const calls = parseQuotes(success('optionchain.call.success.json'));
    expect(calls).toHaveLength(5);
    expect(calls[2]).toMatchObject({ stockCode: 'NIFTY', productType: 'options', right: 'call', strikePrice: 25000, expiryDate: '2026-08-25', ltp: 106.85, openInterest: 7215650, changeInOi: 985400, spotPrice: 24950.7 });
    expect(calls[1].changeInOi).toBe(-45175);
    const futures = parseQuotes(success('quotes.futures.success.json'))[0];
    expect(futures.right).toBeUndefined();
    expect(futures).toMatchObject({ productType: 'futures', ltp: 24986.35, spotPrice: 24950.7, previousClose: 24935.4, lastTradeAtMs: epochMsOfIst('2026-08-20', '10:36:56') });
  });

  it('refuses negative open interest and a non-numeric price in a chain row', () => {
    expect(() => parseQuotes(withRow('optionchain.put.success.json', (r) => (r['open_interest'] = -5)))).toThrow(/negative open interest/);
    expect(() => parseQuotes(withRow('optionchain.put.success.json', (r) => (r['ltp'] = 'N/A')))).toThrow(/expected a number/);
  });

  it('reads historical v2 candles (futures with OI, equity without) as IST bars', () => {
    const fut = parseHistoricalBars(success('historical-v2.futures.success.json'));
    expect(fut[0]).toEqual({ date: '2026-08-20', time: '09:15:00', open: 24948.0, high: 24952.15, low: 24931.95, close: 24938.6, volume: 88800, openInterest: 17543475 });
    const eq = parseHistoricalBars(success('historical-v2.equity.success.json'));
    expect(eq.map((b) => [b.date, b.close, b.openInterest])).toEqual([['2026-08-18', 1410.0, undefined], ['2026-08-19', 1403.9, undefined], ['2026-08-20', 1412.6, undefined]]);
  });

  it('refuses a candle whose high/low do not enclose open and close, or a bad stamp', () => {
    expect(() => parseHistoricalBars(withRow('historical-v2.futures.success.json', (r) => (r['high'] = 24900)))).toThrow(/inconsistent candle/);
    expect(() => parseHistoricalBars(withRow('historical-v2.futures.success.json', (r) => (r['datetime'] = '20-08-2026 09:15')))).toThrow(/YYYY-MM-DD/);
  });
});

describe('Breeze field readers', () => {
  it('reads the date spellings Breeze uses', () => {
    expect(breezeDate('27-Feb-2025', 'p')).toBe('2025-02-27');
    expect(breezeDate('06-FEB-25', 'p')).toBe('2025-02-06');
    expect(breezeDate('2025-02-27T06:00:00.000Z', 'p')).toBe('2025-02-27');
    expect(breezeDate('2025-02-13 00:00:00', 'p')).toBe('2025-02-13');
    expect(() => breezeDate('31-Feb-2025', 'p')).toThrow(/calendar date/);
    expect(() => breezeDate('Feb 27', 'p')).toThrow(BreezeParseError);
    expect(breezeDateTime('05-Feb-2025 09:26', 'p')).toBe(epochMsOfIst('2025-02-05', '09:26:00'));
    expect(breezeDateTime('2025-02-03 09:21:00', 'p')).toBe(epochMsOfIst('2025-02-03', '09:21:00'));
  });

  it('turns rupees into paise exactly, rounding extra decimals half away from zero', () => {
    expect(rupeesToPaise(12500000.53, 'p')).toBe(1_250_000_053);
    expect(rupeesToPaise('420.00', 'p')).toBe(42000);
    expect(rupeesToPaise('0.005', 'p')).toBe(1);
    expect(rupeesToPaise('-349.265', 'p')).toBe(-34927);
    expect(rupeesToPaise(0.1 + 0.2, 'p')).toBe(30);
    expect(() => rupeesToPaise('1e5', 'p')).toThrow(BreezeParseError);
  });
});
