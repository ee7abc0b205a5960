import {
  BrokerError,
  istDateTimeOf,
  placeOrderOutcome,
  type BrokerMargin,
  type BrokerOrderReport,
  type BrokerPosition,
  type BrokerTrade,
  type Clock,
  type ExecutionClient,
  type Paise,
  type PlaceOrderAck,
  type PlaceOrderRequest,
} from '@mcube/domain';
import { refusedBeforeSending } from '../errors/breeze-error-map';
import type { BreezeInstrumentResolver } from '../instruments/breeze-instrument-resolver';
import type { BreezeOrderRecord } from '../parse/breeze-raw.types';
import { orderReportOf, positionOf, positionPnl } from './breeze-order.mapping';
import { assertPlaceable, breezePrice, breezeRequestDate, modifyOrderBody, placeOrderBody } from './breeze-order.request';
import type { BreezeTradingApi } from './breeze-trading.api';
import { BreezeTradesReader } from './breeze-trades.reader';

/** A position with its mark-to-market P&L (Breeze's own when given, else computed from LTP). */
export interface BreezePositionView extends BrokerPosition {
  readonly lastPrice?: number;
  readonly pnlPaise?: Paise;
  readonly pnlSource?: 'BROKER' | 'COMPUTED';
}

/** After a placement whose outcome is unknown: how often and how long to look for the order by its remark. */
export interface BreezeSettlePolicy {
  readonly attempts: number;
  readonly delayMs: number;
}

/**
 * The ExecutionClient of an ICICI Direct account through Breeze (orders on NFO only).
 * `placeOrder` sends once. When the outcome is unknown (timeout, 5xx, unreadable answer) it
 * looks the order up by its remark (= clientOrderId) `settle.attempts` times: found → the
 * order is acknowledged; not found → the original TEMPORARY/UNKNOWN error, for the gateway to
 * settle later. It never sends the order again. No `subscribeOrderUpdates`: Breeze's Socket.IO
 * order feed is not used, the gateway polls `listOrders`/`listTrades`.
 */
export class BreezeExecutionClient implements ExecutionClient {
  readonly broker = 'ICICI' as const;
  private readonly tradesReader: BreezeTradesReader;
  private readonly settle: BreezeSettlePolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly deps: {
      readonly api: BreezeTradingApi;
      readonly resolver: BreezeInstrumentResolver;
      readonly clock: Clock;
      readonly settle?: BreezeSettlePolicy;
      readonly sleep?: (ms: number) => Promise<void>;
    },
  ) {
    this.tradesReader = new BreezeTradesReader({ api: deps.api, resolver: deps.resolver });
    this.settle = deps.settle ?? { attempts: 2, delayMs: 500 };
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async placeOrder(request: PlaceOrderRequest): Promise<PlaceOrderAck> {
    assertPlaceable(request);
    const contract = this.deps.resolver.toBreeze(request.instrument);
    if (!contract) throw refusedBeforeSending('REJECTED', `no ICICI contract for ${describe(request.instrument)} in the instrument master`, 'UNKNOWN_CONTRACT');
    try {
      const ack = await this.deps.api.placeOrder(placeOrderBody(request, contract));
      return { clientOrderId: request.clientOrderId, brokerOrderId: ack.orderId };
    } catch (error) {
      if (!(error instanceof BrokerError) || placeOrderOutcome(error.kind) === 'NOT_PLACED') throw error;
      const found = await this.findAfterUnknownOutcome(request.clientOrderId);
      if (found) return { clientOrderId: request.clientOrderId, brokerOrderId: found.orderId };
      throw error;
    }
  }

  async cancelOrder(request: { readonly brokerOrderId: string; readonly clientOrderId: string }): Promise<void> {
    await this.deps.api.cancelOrder('NFO', request.brokerOrderId);
  }

  async modifyOrder(request: { readonly brokerOrderId: string; readonly quantity?: number; readonly limitPrice?: number }): Promise<void> {
    await this.deps.api.modifyOrder(modifyOrderBody(request));
  }

  async orderByTag(clientOrderId: string): Promise<BrokerOrderReport | undefined> {
    const found = (await this.todaysOrders()).filter((o) => o.userRemark === clientOrderId);
    if (found.length > 1) throw new BrokerError('UNKNOWN', `ICICI: ${found.length} orders carry the remark ${clientOrderId}`, { broker: 'ICICI', brokerCode: 'DUPLICATE_TAG' });
    return found.length === 1 ? orderReportOf(found[0], this.deps.resolver) : undefined;
  }

  async listOrders(): Promise<readonly BrokerOrderReport[]> {
    return (await this.todaysOrders()).map((o) => orderReportOf(o, this.deps.resolver));
  }

  async listTrades(): Promise<readonly BrokerTrade[]> {
    const orders = await this.todaysOrders();
    return this.tradesReader.trades(this.today(), orders);
  }

  async listPositions(): Promise<readonly BrokerPosition[]> {
    return (await this.positionsWithPnl()).map(({ instrument, netQuantity, averagePrice, product }) => ({ instrument, netQuantity, averagePrice, product }));
  }

  /** Open NFO positions with mark-to-market P&L (computed from LTP when Breeze's `pnl` is null). */
  async positionsWithPnl(): Promise<readonly BreezePositionView[]> {
    const out: BreezePositionView[] = [];
    for (const p of await this.deps.api.portfolioPositions()) {
      if (p.exchangeCode !== 'NFO') continue;
      const position = positionOf(p, this.deps.resolver);
      if (!position) continue;
      const pnl = positionPnl(p);
      out.push({ ...position, lastPrice: p.ltp, pnlPaise: pnl?.pnlPaise, pnlSource: pnl?.source });
    }
    return out;
  }

  /** F&O margin: allocated to F&O minus blocked by trades (cash must be allocated to F&O first). */
  async availableMargin(): Promise<BrokerMargin> {
    const funds = await this.deps.api.funds();
    return { availablePaise: funds.allocatedFnoPaise - funds.blockedFnoPaise, usedPaise: funds.blockedFnoPaise, asOfMs: this.deps.clock.nowMs() };
  }

  /** SPAN + exposure margin Breeze's margin calculator asks for these orders together. */
  async checkMargin(requests: readonly PlaceOrderRequest[]): Promise<Paise> {
    const legs = requests.map((r) => {
      const c = this.deps.resolver.toBreeze(r.instrument);
      if (!c) throw refusedBeforeSending('REJECTED', `no ICICI contract for ${describe(r.instrument)} in the instrument master`, 'UNKNOWN_CONTRACT');
      return { stock_code: c.stockCode, product: c.productType, action: r.side === 'BUY' ? ('buy' as const) : ('sell' as const), quantity: String(r.quantity), price: breezePrice(r.limitPrice), expiry_date: breezeRequestDate(c.expiry), right: c.right, strike_price: String(c.strikePrice) };
    });
    const estimate = await this.deps.api.marginCalculator(legs, 'NFO');
    return estimate.spanMarginPaise + estimate.nonSpanMarginPaise;
  }

  /** AUTH_EXPIRED unless today's session exists and ICICI accepts it (probed with `funds`). */
  async ensureSession(): Promise<void> {
    await this.deps.api.session();
    await this.deps.api.funds();
  }

  private async findAfterUnknownOutcome(clientOrderId: string): Promise<BreezeOrderRecord | undefined> {
    for (let attempt = 0; attempt < this.settle.attempts; attempt += 1) {
      await this.sleep(this.settle.delayMs);
      try {
        const found = (await this.todaysOrders()).filter((o) => o.userRemark === clientOrderId);
        if (found.length === 1) return found[0];
      } catch {
        // A failed lookup leaves the outcome unknown; the next attempt or the gateway settles it.
      }
    }
    return undefined;
  }

  private todaysOrders(): Promise<readonly BreezeOrderRecord[]> {
    const day = this.today();
    return this.deps.api.orderList('NFO', day, day);
  }

  private today(): string {
    return istDateTimeOf(this.deps.clock.nowMs()).date;
  }
}

function describe(i: PlaceOrderRequest['instrument']): string {
  return i.kind === 'FUT' ? `${i.underlying} ${i.expiry} FUT` : `${i.underlying} ${i.expiry} ${i.strike} ${i.optionType}`;
}
