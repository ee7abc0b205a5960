import type { IsoDate } from '@mcube/domain';
import type { BreezeFnoContract } from '../../instruments/security-master.types';
import { fixture, requestDate, templateRow, wireDate } from './fake-breeze-wire';

/** Values a test sets on a quote row (rupees; OI in units). */
export interface FakeQuoteValues {
  readonly ltp: number;
  readonly previousClose?: number;
  readonly bid?: number;
  readonly ask?: number;
  readonly volume?: number;
  readonly spot?: number;
  readonly openInterest?: number;
  readonly changeInOi?: number;
}

/** One candle a test sets; `datetime` is IST 'YYYY-MM-DD HH:MM:SS'. */
export interface FakeCandle {
  readonly datetime: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly openInterest?: number;
}

/** What a chart request names (v2 query keys). */
export interface FakeChartRef {
  readonly exchange: 'NSE' | 'NFO';
  readonly stockCode: string;
  readonly interval: '1minute' | '5minute' | '30minute' | '1day';
  readonly productType?: 'futures' | 'options';
  readonly expiry?: IsoDate;
  readonly right?: 'call' | 'put' | 'others';
  readonly strike?: number;
}

const quoteKey = (exch: string, stock: string, product: string, expiry: string, right: string, strike: number) => [exch, stock, product, expiry, right, strike].join('|').toUpperCase();
const chartKey = (r: FakeChartRef) => [r.exchange, r.stockCode, r.interval, r.exchange === 'NSE' ? '' : r.productType, r.expiry ?? '', r.exchange === 'NSE' ? '' : r.right, r.exchange === 'NSE' ? 0 : (r.strike ?? 0)].join('|').toUpperCase();

/**
 * Quotes, option chains and historical candles the fake serves, in the recorded row shapes.
 * Starts with the fixtures (NIFTY 25-Aug-2026 future and chain, RELIND cash, bars); tests set more.
 */
export class FakeBreezeMarket {
  private readonly quotes = new Map<string, Record<string, unknown>>();
  private readonly chains = new Map<string, Record<string, unknown>[]>();
  private readonly charts = new Map<string, Record<string, unknown>[]>();

  constructor() {
    for (const name of ['quotes.futures.success.json', 'quotes.equity.success.json']) {
      const row = fixture<{ Success: Record<string, unknown>[] }>(name).Success[0];
      const product = row['exchange_code'] === 'NSE' ? 'cash' : 'futures';
      this.quotes.set(quoteKey(String(row['exchange_code']), String(row['stock_code']), product, product === 'cash' ? '' : '2026-08-25', product === 'cash' ? '' : 'others', 0), row);
    }
    for (const right of ['call', 'put'] as const) this.chains.set(`NIFTY|2026-08-25|${right}`.toUpperCase(), fixture<{ Success: Record<string, unknown>[] }>(`optionchain.${right}.success.json`).Success);
    this.charts.set(chartKey({ exchange: 'NFO', stockCode: 'NIFTY', interval: '1minute', productType: 'futures', expiry: '2026-08-25', right: 'others', strike: 0 }), fixture<{ Success: Record<string, unknown>[] }>('historical-v2.futures.success.json').Success);
    this.charts.set(chartKey({ exchange: 'NSE', stockCode: 'RELIND', interval: '1day' }), fixture<{ Success: Record<string, unknown>[] }>('historical-v2.equity.success.json').Success);
    this.charts.set(chartKey({ exchange: 'NFO', stockCode: 'NIFTY', interval: '1minute', productType: 'options', expiry: '2026-08-25', right: 'call', strike: 24800 }), fixture<{ Success: Record<string, unknown>[] }>('historical-v2.options.success.json').Success);
  }

  /** A cash stock or index quote on NSE. */
  setCashQuote(stockCode: string, v: FakeQuoteValues): void {
    this.quotes.set(quoteKey('NSE', stockCode, 'cash', '', '', 0), { ...templateRow('quotes.equity.success.json'), stock_code: stockCode, ...values(v) });
  }

  /** A futures quote; `spot` fills spot_price (basis = ltp − spot). */
  setFuturesQuote(stockCode: string, expiry: IsoDate, v: FakeQuoteValues): void {
    this.quotes.set(quoteKey('NFO', stockCode, 'futures', expiry, 'others', 0), { ...templateRow('quotes.futures.success.json'), stock_code: stockCode, expiry_date: wireDate(expiry), ...values(v) });
  }

  /** Both sides of a chain of one expiry. */
  setOptionChain(stockCode: string, expiry: IsoDate, spot: number, strikes: readonly { readonly strike: number; readonly call?: FakeQuoteValues; readonly put?: FakeQuoteValues }[]): void {
    for (const right of ['call', 'put'] as const) {
      const rows = strikes.flatMap((s) => {
        const v = s[right];
        return v ? [{ ...templateRow(`optionchain.${right}.success.json`), stock_code: stockCode, expiry_date: wireDate(expiry), strike_price: s.strike, ...values({ spot, ...v }) }] : [];
      });
      this.chains.set(`${stockCode}|${expiry}|${right}`.toUpperCase(), rows);
    }
  }

  /** Candles of one chart; v2 rows carry only what the recorded shape of that kind carries. */
  setCandles(ref: FakeChartRef, candles: readonly FakeCandle[]): void {
    this.charts.set(
      chartKey(ref),
      candles.map((c) => {
        const base: Record<string, unknown> = { close: c.close, datetime: c.datetime, exchange_code: ref.exchange, high: c.high, low: c.low, open: c.open, stock_code: ref.stockCode, volume: c.volume };
        if (ref.exchange === 'NSE') return base;
        const fno: Record<string, unknown> = { ...base, expiry_date: ref.expiry ? wireDate(ref.expiry).toUpperCase() : null, open_interest: c.openInterest ?? 0, product_type: ref.productType === 'options' ? 'Options' : 'Futures' };
        return ref.productType === 'options' ? { ...fno, right: ref.right === 'put' ? 'Put' : 'Call', strike_price: ref.strike ?? 0 } : fno;
      }),
    );
  }

  /** The last price the fake knows for an F&O contract (futures quote or chain row). */
  lastPriceOf(c: BreezeFnoContract): number | undefined {
    if (!c.optionType) return num(this.quotes.get(quoteKey('NFO', c.shortName, 'futures', c.expiry, 'others', 0))?.['ltp']);
    const rows = this.chains.get(`${c.shortName}|${c.expiry}|${c.optionType === 'CE' ? 'call' : 'put'}`.toUpperCase()) ?? [];
    return num(rows.find((r) => Number(r['strike_price']) === c.strike)?.['ltp']);
  }

  /** A quote row; an option's is its chain row (Breeze answers an option quote in the chain row's shape), so the two never disagree. */
  quoteRows(body: Readonly<Record<string, unknown>>): Record<string, unknown>[] | undefined {
    const product = String(body['product_type'] ?? 'cash').toLowerCase();
    const cash = product === 'cash';
    const row = this.quotes.get(quoteKey(String(body['exchange_code']), String(body['stock_code']), product, cash ? '' : (requestDate(body['expiry_date']) ?? ''), cash ? '' : String(body['right'] ?? ''), cash ? 0 : Number(body['strike_price'] ?? 0)));
    if (row) return [row];
    if (product !== 'options') return undefined;
    const strike = this.chainRows(body)?.find((r) => Number(r['strike_price']) === Number(body['strike_price']));
    return strike ? [strike] : undefined;
  }

  chainRows(body: Readonly<Record<string, unknown>>): Record<string, unknown>[] | undefined {
    return this.chains.get(`${String(body['stock_code'])}|${requestDate(body['expiry_date'])}|${String(body['right'])}`.toUpperCase());
  }

  /** Candles between from_date and to_date (clock times read as IST, as Breeze does), at most 1000. */
  chartRows(query: URLSearchParams): Record<string, unknown>[] | undefined {
    const exchange = (query.get('exch_code') ?? '').toUpperCase() as 'NSE' | 'NFO';
    const ref: FakeChartRef = {
      exchange,
      stockCode: query.get('stock_code') ?? '',
      interval: (query.get('interval') ?? '') as FakeChartRef['interval'],
      productType: (query.get('product_type') ?? undefined) as FakeChartRef['productType'],
      expiry: requestDate(query.get('expiry_date') ?? undefined),
      right: (query.get('right') ?? undefined) as FakeChartRef['right'],
      strike: Number(query.get('strike_price') ?? 0),
    };
    const rows = this.charts.get(chartKey(ref));
    if (!rows) return undefined;
    const from = stamp(query.get('from_date'));
    const to = stamp(query.get('to_date'));
    return rows.filter((r) => String(r['datetime']) >= from && String(r['datetime']) <= to).slice(0, 1000);
  }
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && v > 0 ? v : undefined;
}

function stamp(value: string | null): string {
  return (value ?? '').replace('T', ' ').slice(0, 19);
}

function values(v: FakeQuoteValues): Record<string, unknown> {
  const out: Record<string, unknown> = { ltp: v.ltp, previous_close: v.previousClose ?? v.ltp, best_bid_price: v.bid ?? v.ltp, best_offer_price: v.ask ?? v.ltp, total_quantity_traded: String(v.volume ?? 0) };
  if (v.spot !== undefined) out['spot_price'] = String(v.spot);
  if (v.openInterest !== undefined) out['open_interest'] = v.openInterest;
  if (v.changeInOi !== undefined) out['chnge_oi'] = v.changeInOi;
  return out;
}
