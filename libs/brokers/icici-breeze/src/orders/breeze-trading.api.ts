import type { Clock, IsoDate } from '@mcube/domain';
import { malformedResponse, refusedBeforeSending } from '../errors/breeze-error-map';
import { BreezeParseError } from '../errors/breeze-parse-error';
import type { BreezeHttpClient, BreezeMethod } from '../http/breeze-http.client';
import type { IciciBreezeTimeouts } from '../icici-breeze.config';
import type { BreezeExecution, BreezeFunds, BreezeMarginEstimate, BreezeMarginSummary, BreezeOrderAck, BreezeOrderRecord, BreezePositionRecord, BreezeTradeBookRow } from '../parse/breeze-raw.types';
import { parseOrderAck, parseOrderList } from '../parse/parse-orders';
import { parseFunds, parseMarginEstimate, parseMarginSummary, parsePositions } from '../parse/parse-portfolio';
import { parseTradeBook, parseTradeDetail } from '../parse/parse-trades';
import type { BreezeSession, BreezeSessionSource } from '../session/breeze-session';
import { requireTodaysSession } from '../session/todays-session';
import { breezeDayRange } from './breeze-order.request';

/** One leg for `margincalculator`, in Breeze's words. */
export interface BreezeMarginLeg {
  readonly stock_code: string;
  readonly product: 'futures' | 'options';
  readonly action: 'buy' | 'sell';
  readonly quantity: string;
  readonly price: string;
  readonly expiry_date: string;
  readonly right: 'call' | 'put' | 'others';
  readonly strike_price: string;
}

/**
 * The signed v1 trading endpoints, typed and validated: every answer is parsed into a Breeze
 * record or a BrokerError (UNKNOWN / MALFORMED_RESPONSE when its shape is wrong). Calls need the
 * day's session: none, or one from an earlier IST date → AUTH_EXPIRED before anything is sent.
 */
export class BreezeTradingApi {
  constructor(private readonly deps: { readonly http: BreezeHttpClient; readonly sessions: BreezeSessionSource; readonly clock: Clock; readonly timeouts: IciciBreezeTimeouts }) {}

  placeOrder(body: Readonly<Record<string, string>>): Promise<BreezeOrderAck> {
    return this.call('POST', 'order', body, { what: 'place order', timeoutMs: this.deps.timeouts.orderMs }, parseOrderAck);
  }

  modifyOrder(body: Readonly<Record<string, string>>): Promise<BreezeOrderAck> {
    return this.call('PUT', 'order', body, { what: 'modify order', timeoutMs: this.deps.timeouts.orderMs }, parseOrderAck);
  }

  cancelOrder(exchangeCode: string, orderId: string): Promise<BreezeOrderAck> {
    return this.call('DELETE', 'order', { exchange_code: exchangeCode, order_id: orderId }, { what: 'cancel order', timeoutMs: this.deps.timeouts.orderMs }, parseOrderAck);
  }

  orderDetail(exchangeCode: string, orderId: string): Promise<readonly BreezeOrderRecord[]> {
    return this.call('GET', 'order', { exchange_code: exchangeCode, order_id: orderId }, this.read('order detail'), parseOrderList);
  }

  orderList(exchangeCode: string, from: IsoDate, to: IsoDate): Promise<readonly BreezeOrderRecord[]> {
    return this.call('GET', 'order', { exchange_code: exchangeCode, ...breezeDayRange(from, to) }, this.read('order list'), parseOrderList);
  }

  tradeList(exchangeCode: string, from: IsoDate, to: IsoDate): Promise<readonly BreezeTradeBookRow[]> {
    return this.call('GET', 'trades', { ...breezeDayRange(from, to), exchange_code: exchangeCode }, this.read('trade list'), parseTradeBook);
  }

  tradeDetail(exchangeCode: string, orderId: string): Promise<readonly BreezeExecution[]> {
    return this.call('GET', 'trades', { exchange_code: exchangeCode, order_id: orderId }, this.read('trade detail'), parseTradeDetail);
  }

  portfolioPositions(): Promise<readonly BreezePositionRecord[]> {
    return this.call('GET', 'portfoliopositions', {}, this.read('positions'), parsePositions);
  }

  funds(): Promise<BreezeFunds> {
    return this.call('GET', 'funds', {}, { what: 'funds', timeoutMs: this.deps.timeouts.readMs }, parseFunds);
  }

  /** Moves whole rupees between the bank balance and a segment ('credit' allocates to it). */
  allocateFunds(input: { readonly direction: 'credit' | 'debit'; readonly amountPaise: number; readonly segment: 'FNO' | 'Equity' | 'Commodity' }): Promise<void> {
    if (!Number.isSafeInteger(input.amountPaise) || input.amountPaise <= 0 || input.amountPaise % 100 !== 0) {
      return Promise.reject(refusedBeforeSending('REJECTED', `funds move in whole rupees > 0, got ${input.amountPaise} paise`, 'BAD_AMOUNT'));
    }
    const body = { transaction_type: input.direction, amount: String(input.amountPaise / 100), segment: input.segment };
    return this.call('POST', 'funds', body, { what: 'allocate funds', timeoutMs: this.deps.timeouts.orderMs }, () => undefined);
  }

  margin(exchangeCode: string): Promise<BreezeMarginSummary> {
    return this.call('GET', 'margin', { exchange_code: exchangeCode }, { what: 'margin', timeoutMs: this.deps.timeouts.readMs }, parseMarginSummary);
  }

  marginCalculator(legs: readonly BreezeMarginLeg[], exchangeCode: string): Promise<BreezeMarginEstimate> {
    const list = legs.map((l) => ({ ...l, cover_order_flow: 'N', fresh_order_type: 'N', cover_limit_rate: '0', cover_sltp_price: '0', fresh_limit_rate: '0', open_quantity: '0' }));
    return this.call('POST', 'margincalculator', { list_of_positions: list, exchange_code: exchangeCode }, { what: 'margin calculator', timeoutMs: this.deps.timeouts.readMs }, parseMarginEstimate);
  }

  /** The day's session, or AUTH_EXPIRED before sending. */
  session(): Promise<BreezeSession> {
    return requireTodaysSession(this.deps.sessions, this.deps.clock);
  }

  private read(what: string) {
    return { what, timeoutMs: this.deps.timeouts.readMs, noDataIsEmpty: true };
  }

  private async call<T>(method: BreezeMethod, endpoint: string, body: Readonly<Record<string, unknown>>, options: { what: string; timeoutMs: number; noDataIsEmpty?: boolean }, parse: (success: unknown) => T): Promise<T> {
    const session = await this.session();
    const success = await this.deps.http.signed(method, endpoint, body, session, options);
    try {
      return parse(success);
    } catch (e) {
      if (e instanceof BreezeParseError) throw malformedResponse(options.what, e);
      throw e;
    }
  }
}
