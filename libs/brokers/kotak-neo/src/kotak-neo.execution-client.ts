import type {
  BrokerMargin,
  BrokerOrderReport,
  BrokerPosition,
  BrokerTrade,
  Clock,
  ExecutionClient,
  Paise,
  PlaceOrderAck,
  PlaceOrderRequest,
} from '@mcube/domain';
import { BrokerError } from '@mcube/domain';
import type { NeoApiContext } from './api/neo-api-context';
import { cancelNeoOrder, modifyNeoOrder, placeNeoOrder } from './api/neo-orders.api';
import { neoCheckMargin, neoLimits, neoOrderBook, neoPositions, neoTradeBook } from './api/neo-reports.api';
import type { KotakNeoSession } from './auth/kotak-neo-session';
import type { KotakNeoSessionKeeper } from './auth/kotak-neo-session.keeper';
import { KotakNeoError } from './errors/kotak-neo.error';
import type { KotakContract } from './instruments/kotak-contract';
import type { KotakInstrumentLookup } from './instruments/kotak-instrument.lookup';
import { isWorking } from './orders/neo-order-state';
import { netQuantityOf } from './orders/neo-position-math';
import { orderReportOf, positionReportOf, tradeReportOf } from './orders/neo-reports';
import { checkedPricePaise, checkRequestFields, contractOrRefuse } from './orders/validate-order';

/** What the Kotak execution client is built from. */
export interface KotakNeoExecutionClientDeps {
  readonly api: NeoApiContext;
  readonly sessions: KotakNeoSessionKeeper;
  /** Today's instrument mapping (read on every call, so a master refresh takes effect at once). */
  readonly instruments: () => KotakInstrumentLookup;
  /** Wall clock, for `asOfMs` of margins. */
  readonly wallClock: Clock;
}

/** Kotak's F&O segment: the only one the port speaks (other segments' rows are left out). */
const FO = 'nse_fo';

/**
 * `ExecutionClient` over the Kotak Neo Trade API.
 * - `placeOrder` sends one LIMIT order once, with the clientOrderId in `ig`; a timeout, a
 *   broken connection, a 5xx or an unreadable 200 rejects TEMPORARY/UNKNOWN (outcome
 *   unknown: the gateway keeps the order SUBMITTED and `orderByTag` settles it). It never
 *   resends. Orders are checked against the master (lots, freeze, tick) before sending.
 * - Reads of the order book, trades, positions and limits are F&O only (`nse_fo`).
 * - Session: every call takes today's session from the keeper. When Kotak answers
 *   100022 (session invalid) the session is marked expired; a read is retried once on the
 *   keeper's one re-login, a write is not (it rejects AUTH_EXPIRED: nothing was placed).
 * - No push stream: the gateway polls `listOrders`/`listTrades` (`subscribeOrderUpdates`
 *   is not offered).
 * Every method rejects only with a `KotakNeoError` (a `BrokerError`); see its `halt`.
 */
export class KotakNeoExecutionClient implements ExecutionClient {
  readonly broker = 'KOTAK' as const;

  constructor(private readonly deps: KotakNeoExecutionClientDeps) {}

  async placeOrder(request: PlaceOrderRequest): Promise<PlaceOrderAck> {
    return this.guard('placing the order', async () => {
      checkRequestFields(request);
      const contract = contractOrRefuse(this.deps.instruments(), request.instrument);
      const limitPricePaise = checkedPricePaise(contract, request.quantity, request.limitPrice);
      const orderNo = await this.write((s) =>
        placeNeoOrder(this.deps.api, s, {
          exchangeSegment: contract.exchangeSegment,
          tradingSymbol: contract.tradingSymbol,
          side: request.side,
          quantity: request.quantity,
          limitPricePaise,
          product: request.product,
          validity: request.validity,
          tag: request.clientOrderId,
        }),
      );
      return { clientOrderId: request.clientOrderId, brokerOrderId: orderNo };
    });
  }

  /** Sends the cancel by order number; REJECTED/ORDER_COMPLETE (1021) when it already completed. */
  async cancelOrder(request: { readonly brokerOrderId: string; readonly clientOrderId: string }): Promise<void> {
    await this.guard('canceling the order', async () => {
      if (typeof request?.brokerOrderId !== 'string' || !/^\w+$/.test(request.brokerOrderId)) {
        throw new KotakNeoError('REJECTED', 'not sent to Kotak: no broker order id to cancel', { reason: 'INVALID_REQUEST' });
      }
      await this.write((s) => cancelNeoOrder(this.deps.api, s, request.brokerOrderId));
    });
  }

  /** Today's most recent order tagged `clientOrderId` (any segment), or undefined. */
  async orderByTag(clientOrderId: string): Promise<BrokerOrderReport | undefined> {
    return this.guard('looking up the order by tag', async () => {
      const book = await this.read((s) => neoOrderBook(this.deps.api, s));
      const tagged = book.filter((o) => o.tag === clientOrderId).sort((a, b) => a.updatedAtMs - b.updatedAtMs || a.orderNo.localeCompare(b.orderNo));
      const last = tagged[tagged.length - 1];
      return last ? orderReportOf(last, this.contractOf(last)) : undefined;
    });
  }

  async listOrders(): Promise<readonly BrokerOrderReport[]> {
    return this.guard('listing orders', async () => {
      const book = await this.read((s) => neoOrderBook(this.deps.api, s));
      return book.filter((o) => o.exchangeSegment === FO).map((o) => orderReportOf(o, this.contractOf(o)));
    });
  }

  async listTrades(): Promise<readonly BrokerTrade[]> {
    return this.guard('listing trades', async () => {
      const trades = await this.read((s) => neoTradeBook(this.deps.api, s));
      return trades.filter((t) => t.exchangeSegment === FO).map((t) => tradeReportOf(t, this.contractOf(t)));
    });
  }

  /** Non-flat F&O positions with net quantity and average from day + carried-forward fields. */
  async listPositions(): Promise<readonly BrokerPosition[]> {
    return this.guard('listing positions', async () => {
      const rows = await this.read((s) => neoPositions(this.deps.api, s));
      return rows.filter((p) => p.exchangeSegment === FO && netQuantityOf(p) !== 0).map((p) => positionReportOf(p, this.contractOf(p)));
    });
  }

  /** `Net` (free now) and `MarginUsed` from the limits call. */
  async availableMargin(): Promise<BrokerMargin> {
    return this.guard('reading the margin', async () => {
      const limits = await this.read((s) => neoLimits(this.deps.api, s));
      return { availablePaise: limits.netPaise, usedPaise: limits.marginUsedPaise, asOfMs: this.deps.wallClock.nowMs() };
    });
  }

  /** Changes quantity (the order's new total) and/or price of a working order, checked against the master first. */
  async modifyOrder(request: { readonly brokerOrderId: string; readonly quantity?: number; readonly limitPrice?: number }): Promise<void> {
    await this.guard('modifying the order', async () => {
      const book = await this.read((s) => neoOrderBook(this.deps.api, s));
      const order = book.find((o) => o.orderNo === request?.brokerOrderId);
      if (!order) throw new KotakNeoError('REJECTED', `Kotak has no order ${String(request?.brokerOrderId)} today`, { reason: 'INVALID_REQUEST' });
      if (!isWorking(order.status)) throw new KotakNeoError('REJECTED', `order ${order.orderNo} is already ${order.status}`, { reason: 'ORDER_COMPLETE' });
      const contract = this.contractOf(order);
      const quantity = request.quantity ?? order.quantity;
      const limitPricePaise = checkedPricePaise(contract, quantity, request.limitPrice ?? (order.limitPricePaise ?? 0) / 100);
      await this.write((s) =>
        modifyNeoOrder(this.deps.api, s, {
          orderNo: order.orderNo,
          token: contract.token,
          exchangeSegment: contract.exchangeSegment,
          tradingSymbol: contract.tradingSymbol,
          side: order.side,
          product: order.product,
          quantity,
          limitPricePaise,
        }),
      );
    });
  }

  /** Kotak's margin for each order, one call per leg, summed: a strangle gets no spread benefit. */
  async checkMargin(requests: readonly PlaceOrderRequest[]): Promise<Paise> {
    return this.guard('checking the margin', async () => {
      let total = 0;
      for (const request of requests) {
        checkRequestFields(request);
        const contract = contractOrRefuse(this.deps.instruments(), request.instrument);
        const limitPricePaise = checkedPricePaise(contract, request.quantity, request.limitPrice);
        const leg = { exchangeSegment: contract.exchangeSegment, token: contract.token, side: request.side, quantity: request.quantity, limitPricePaise, product: request.product };
        total += (await this.read((s) => neoCheckMargin(this.deps.api, s, leg))).orderMarginPaise;
      }
      return total;
    });
  }

  /** Logs in when today's session is missing or expired (one re-login after an expiry; halting after that). */
  async ensureSession(): Promise<void> {
    await this.guard('ensuring the session', () => this.deps.sessions.ensure());
  }

  private contractOf(ref: { readonly exchangeSegment: string; readonly token?: string; readonly tradingSymbol: string; readonly orderNo?: string }): KotakContract {
    const contract = this.deps.instruments().contractOf(ref);
    if (!contract) {
      throw new KotakNeoError('UNKNOWN', `Kotak reports ${ref.exchangeSegment} ${ref.tradingSymbol} (token ${ref.token ?? '-'}) which is not in the instrument master`, { reason: 'NOT_IN_MASTER' });
    }
    return contract;
  }

  private async read<T>(call: (session: KotakNeoSession) => Promise<T>): Promise<T> {
    const session = await this.deps.sessions.ensure();
    try {
      return await call(session);
    } catch (error) {
      if (!(error instanceof KotakNeoError) || error.reason !== 'SESSION_EXPIRED') throw error;
      this.deps.sessions.markExpired(session);
      return call(await this.deps.sessions.ensure());
    }
  }

  private async write<T>(call: (session: KotakNeoSession) => Promise<T>): Promise<T> {
    const session = await this.deps.sessions.ensure();
    try {
      return await call(session);
    } catch (error) {
      if (error instanceof KotakNeoError && error.reason === 'SESSION_EXPIRED') this.deps.sessions.markExpired(session);
      throw error;
    }
  }

  private async guard<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof BrokerError) throw error;
      throw new KotakNeoError('UNKNOWN', `Kotak Neo client failed while ${what}`, { reason: 'INTERNAL', cause: error });
    }
  }
}
