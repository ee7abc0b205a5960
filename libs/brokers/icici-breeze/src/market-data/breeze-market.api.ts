import type { Clock, IsoDate } from '@mcube/domain';
import { malformedResponse } from '../errors/breeze-error-map';
import { BreezeParseError } from '../errors/breeze-parse-error';
import type { BreezeHttpClient } from '../http/breeze-http.client';
import type { IciciBreezeTimeouts } from '../icici-breeze.config';
import { breezeRequestDate } from '../orders/breeze-order.request';
import type { BreezeBar, BreezeQuoteRecord } from '../parse/breeze-raw.types';
import { parseHistoricalBars } from '../parse/parse-historical';
import { parseQuotes } from '../parse/parse-market';
import type { BreezeSessionSource } from '../session/breeze-session';
import { requireTodaysSession } from '../session/todays-session';
import { CallPacer } from './call-pacer';

/** What a quote or chart request names: a cash stock/index on NSE or an NFO contract. */
export type BreezeSecurityRef =
  | { readonly exchangeCode: 'NSE'; readonly stockCode: string }
  | { readonly exchangeCode: 'NFO'; readonly stockCode: string; readonly productType: 'futures' | 'options'; readonly expiry: IsoDate; readonly right: 'call' | 'put' | 'others'; readonly strikePrice: number };

/** Historical v2 bar lengths (1second is not used by mCube). */
export type BreezeInterval = '1minute' | '5minute' | '30minute' | '1day';

/** `quotes`, `optionchain` (v1, signed) and `historicalcharts` (v2), validated; calls paced. */
export class BreezeMarketApi {
  private readonly pacer: CallPacer;

  constructor(
    private readonly deps: { readonly http: BreezeHttpClient; readonly sessions: BreezeSessionSource; readonly clock: Clock; readonly timeouts: IciciBreezeTimeouts; readonly minCallIntervalMs?: number; readonly sleep?: (ms: number) => Promise<void> },
  ) {
    this.pacer = new CallPacer(deps.minCallIntervalMs ?? 650, () => deps.clock.nowMs(), deps.sleep);
  }

  /** Quote rows of one security (Breeze may answer one row per exchange). */
  quotes(ref: BreezeSecurityRef): Promise<readonly BreezeQuoteRecord[]> {
    const body: Record<string, string> = { stock_code: ref.stockCode, exchange_code: ref.exchangeCode };
    if (ref.exchangeCode === 'NSE') body['product_type'] = 'cash';
    else Object.assign(body, { expiry_date: breezeRequestDate(ref.expiry), product_type: ref.productType, right: ref.right, strike_price: String(ref.strikePrice) });
    return this.v1('quotes', body, 'quotes', parseQuotes);
  }

  /** One side of an option chain: every strike of `expiry` for calls or puts, with OI and change in OI. */
  optionChain(input: { readonly stockCode: string; readonly expiry: IsoDate; readonly right: 'call' | 'put' }): Promise<readonly BreezeQuoteRecord[]> {
    const body = { stock_code: input.stockCode, exchange_code: 'NFO', expiry_date: breezeRequestDate(input.expiry), product_type: 'options', right: input.right };
    return this.v1('optionchain', body, 'option chain', parseQuotes);
  }

  /**
   * Historical v2 candles between two IST instants (Breeze reads the clock time as IST;
   * at most 1000 candles per call, the caller splits longer ranges). Not adjusted for
   * corporate actions.
   */
  historical(input: { readonly ref: BreezeSecurityRef; readonly interval: BreezeInterval; readonly from: string; readonly to: string }): Promise<readonly BreezeBar[]> {
    const ref = input.ref;
    const query: Record<string, string> = { interval: input.interval, from_date: input.from, to_date: input.to, stock_code: ref.stockCode, exch_code: ref.exchangeCode };
    if (ref.exchangeCode === 'NSE') query['product_type'] = 'cash';
    else Object.assign(query, { product_type: ref.productType, expiry_date: breezeRequestDate(ref.expiry), right: ref.right, strike_price: String(ref.strikePrice) });
    return this.pacer.run(async () => {
      const session = await requireTodaysSession(this.deps.sessions, this.deps.clock);
      const options = { what: 'historical charts', timeoutMs: this.deps.timeouts.bulkMs, noDataIsEmpty: true };
      return parsed(options.what, await this.deps.http.v2('historicalcharts', query, session, options), parseHistoricalBars);
    });
  }

  private v1<T>(endpoint: string, body: Record<string, string>, what: string, parse: (success: unknown) => T): Promise<T> {
    return this.pacer.run(async () => {
      const session = await requireTodaysSession(this.deps.sessions, this.deps.clock);
      const success = await this.deps.http.signed('GET', endpoint, body, session, { what, timeoutMs: this.deps.timeouts.readMs, noDataIsEmpty: true });
      return parsed(what, success, parse);
    });
  }
}

function parsed<T>(what: string, success: unknown, parse: (success: unknown) => T): T {
  try {
    return parse(success);
  } catch (e) {
    if (e instanceof BreezeParseError) throw malformedResponse(what, e);
    throw e;
  }
}
