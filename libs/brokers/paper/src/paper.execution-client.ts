import {
  istDateTimeOf,
  type BrokerMargin,
  type BrokerOrderReport,
  type BrokerOrderUpdate,
  type BrokerPosition,
  type BrokerTrade,
  type Clock,
  type ExecutionClient,
  type MarketDataPort,
  type MarketQuote,
  type Paise,
  type PlaceOrderAck,
  type PlaceOrderRequest,
} from '@mcube/domain';
import { fillOrder } from './fill-order';
import { paperError, toPaperError } from './paper-broker-error';
import { resolvePaperConfig, type PaperBrokerConfig, type ResolvedPaperConfig } from './paper-broker.config';
import type { PaperBookStore } from './paper-book-store.port';
import { PaperBookState } from './paper-book-state';
import type { PaperBookChange, PaperBookSnapshot, PaperOrder, PaperTrade } from './paper-book.types';
import { PaperFaultPlan, type PaperFault } from './paper-faults';
import { PaperMarginBook } from './paper-margin-book';
import { runMatchPass, type MatchPassHost } from './match-pass';
import { toOrderReport } from './paper-order-report';
import { averageOpenPrice, positionKeyOf } from './paper-position';
import { slippageDrawer } from './slippage-drawer';
import { validatePlaceOrder } from './validate-place-order';
import { newPaperOrder, refusalError, timeoutError } from './paper-order-entry';

/** What a paper client is built from. */
export interface PaperExecutionClientDeps {
  readonly config: PaperBrokerConfig;
  /** The only source of "now" (order, trade and update times; the IST trading day). */
  readonly clock: Clock;
  /** Quotes for matching (`matchNow`) and the underlying's spot for margin. */
  readonly marketData: MarketDataPort;
  readonly store: PaperBookStore;
  /** Waits before a TIMEOUT_AFTER_ACCEPT fault rejects; default a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const timerSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The paper broker: an `ExecutionClient` that trades against the market-data port with its
 * own persisted order book, trade book and positions (so reconciliation against it is real).
 *
 * - LIMIT orders only; lot multiple, tick and freeze quantity enforced as the exchange would
 *   (REJECTED, nothing stored). The tag (clientOrderId) is stored and `orderByTag` finds it.
 * - Nothing fills by itself: the caller drives matching with `onMarket(quotes)` or `matchNow()`
 *   (no timers). Fill rules: see `planFill`; partial fills per `displayedLotsPerPass`.
 * - Charges per fill from the domain's `tradeCharges`; positions netted per instrument and
 *   product with average price and realised P&L in paise; margin from the documented
 *   approximation in `paper-margin.ts`; INSUFFICIENT_FUNDS when an order would exceed it.
 * - Every event (place, cancel, expiry, fill) is saved to the `PaperBookStore` before it is
 *   visible or pushed to `subscribeOrderUpdates` listeners; a store failure is TEMPORARY and
 *   the event did not happen. Calls are serialised.
 * - Fault injection for tests: `injectFault` (see `PaperFault`).
 * Every method rejects only with a `BrokerError`.
 */
export class PaperExecutionClient implements ExecutionClient {
  /** Always 'PAPER'. */
  readonly broker = 'PAPER' as const;
  /** The configuration with its defaults filled in. */
  readonly config: ResolvedPaperConfig;
  private readonly book: PaperBookState;
  private readonly faults = new PaperFaultPlan();
  /** Latest quote per symbol, from `onMarket`, `matchNow` and spot look-ups. */
  private readonly latestQuotes = new Map<string, MarketQuote>();
  /** DELAYED_FILL holds by broker order id. */
  private readonly holds = new Map<string, { passesLeft: number; notBeforeMs: number }>();
  /** FILL_AFTER_CANCEL: canceled orders whose rest still fills on the next pass. */
  private readonly lateFills = new Set<string>();
  /** REJECT_AFTER_ACCEPT: accepted orders the next pass rejects, with the reason. */
  private readonly lateRejects = new Map<string, string>();
  private readonly matchHost: MatchPassHost;
  private readonly listeners = new Set<(update: BrokerOrderUpdate) => void>();
  private readonly margin: PaperMarginBook;
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly deps: PaperExecutionClientDeps,
    snapshot: PaperBookSnapshot,
  ) {
    this.config = resolvePaperConfig(deps.config);
    this.book = new PaperBookState(snapshot);
    this.matchHost = {
      config: this.config,
      book: this.book,
      holds: this.holds,
      lateFills: this.lateFills,
      lateRejects: this.lateRejects,
      now: () => this.now(),
      drawSlippageTicks: slippageDrawer(this.config.slippage),
      fill: (order, quantity, price) => this.fill(order, quantity, price),
      closeOrder: (order, state) => this.closeOrder(order, state),
      rejectOrder: (order, reason) => this.rejectOrder(order, reason),
    };
    this.margin = new PaperMarginBook({ book: this.book, config: this.config, marketData: deps.marketData, latestQuotes: this.latestQuotes });
  }

  /**
   * A client over the book in `deps.store` (loaded once here). Rejects with a TEMPORARY
   * BrokerError when the store cannot be read, REJECTED for a bad config.
   */
  static async create(deps: PaperExecutionClientDeps): Promise<PaperExecutionClient> {
    try {
      const snapshot = await deps.store.load();
      return new PaperExecutionClient(deps, snapshot);
    } catch (error) {
      throw toPaperError(error, 'starting the paper broker');
    }
  }

  private now(): number {
    return this.deps.clock.nowMs();
  }

  /** Sends one LIMIT order (see the class comment); faults may intervene. */
  async placeOrder(request: PlaceOrderRequest): Promise<PlaceOrderAck> {
    const placed = await this.guarded('placing the order', () => this.placeInLock(request));
    if (placed.timeout) {
      if ((placed.timeout.delayMs ?? 0) > 0) await (this.deps.sleep ?? timerSleep)(placed.timeout.delayMs ?? 0);
      throw timeoutError(placed.timeout);
    }
    return placed.ack;
  }

  private async placeInLock(request: PlaceOrderRequest): Promise<{ ack: PlaceOrderAck; timeout?: Extract<PaperFault, { mode: 'TIMEOUT_AFTER_ACCEPT' }> }> {
    const atMs = this.now();
    const today = istDateTimeOf(atMs).date;
    validatePlaceOrder({ request, today, rules: this.config.contractRules, accountId: this.config.accountId });
    const tag = request.clientOrderId;
    const refusal = this.faults.take(['RATE_LIMITED', 'SERVER_ERROR_5XX', 'REJECT'], tag);
    if (refusal) throw refusalError(refusal);
    const { order, counters } = newPaperOrder({ request, counters: this.book.counters, atMs, today, idPrefix: this.config.idPrefix });
    await this.margin.assertAffordable(order, today);
    // The caller hears of the acceptance unless an injected timeout (taken below) hides it.
    const acknowledges = this.faults.has(['TIMEOUT_AFTER_ACCEPT'], tag) ? undefined : { clientOrderId: tag, brokerOrderId: order.brokerOrderId, atMs };
    await this.commit({ orders: [order], trades: [], positions: [], counters, ...(acknowledges ? { acknowledges } : {}) }, [{ type: 'ORDER', order: toOrderReport(order) }]);
    const delayed = this.faults.take(['DELAYED_FILL'], tag);
    if (delayed) this.holds.set(order.brokerOrderId, { passesLeft: delayed.passes ?? 1, notBeforeMs: atMs + (delayed.ms ?? 0) });
    const lateReject = this.faults.take(['REJECT_AFTER_ACCEPT'], tag);
    if (lateReject) this.lateRejects.set(order.brokerOrderId, lateReject.reason ?? 'rejected by the exchange (paper fault)');
    const timeout = this.faults.take(['TIMEOUT_AFTER_ACCEPT'], tag);
    return { ack: { clientOrderId: tag, brokerOrderId: order.brokerOrderId }, timeout };
  }

  /** Cancels a live order at once (CANCELED); REJECTED for an unknown, mis-tagged or completed order. */
  async cancelOrder(request: { readonly brokerOrderId: string; readonly clientOrderId: string }): Promise<void> {
    await this.guarded('canceling the order', async () => {
      const order = this.book.order(request?.brokerOrderId);
      if (!order) throw paperError('REJECTED', `no order ${String(request?.brokerOrderId)}`, { brokerCode: 'NO_ORDER' });
      if (order.clientOrderId !== request.clientOrderId) throw paperError('REJECTED', `order ${order.brokerOrderId} does not carry tag ${request.clientOrderId}`, { brokerCode: 'TAG_MISMATCH' });
      if (order.state !== 'OPEN' && order.state !== 'PENDING') throw paperError('REJECTED', `order ${order.brokerOrderId} is already ${order.state}`, { brokerCode: 'ORDER_COMPLETE' });
      if (this.faults.take(['FILL_AFTER_CANCEL'], order.clientOrderId)) this.lateFills.add(order.brokerOrderId);
      this.holds.delete(order.brokerOrderId);
      await this.closeOrder(order, 'CANCELED');
    });
  }

  /** Today's most recent order carrying tag `clientOrderId` (a broker does not forbid repeats). */
  async orderByTag(clientOrderId: string): Promise<BrokerOrderReport | undefined> {
    return this.guarded('looking up the order', async () => {
      const found = this.book.ordersOn(this.today()).filter((o) => o.clientOrderId === clientOrderId);
      const last = found[found.length - 1];
      return last ? toOrderReport(last) : undefined;
    });
  }

  /** Today's orders carrying tag `clientOrderId`, oldest first (for tests that look for duplicates). */
  async ordersByTag(clientOrderId: string): Promise<readonly BrokerOrderReport[]> {
    return this.guarded('looking up orders', async () => this.book.ordersOn(this.today()).filter((o) => o.clientOrderId === clientOrderId).map(toOrderReport));
  }

  /** Today's order book, oldest first. */
  async listOrders(): Promise<readonly BrokerOrderReport[]> {
    return this.guarded('listing orders', async () => this.book.ordersOn(this.today()).map(toOrderReport));
  }

  /** Today's trades, in time order; each is a `PaperTrade` (with its charges). */
  async listTrades(): Promise<readonly BrokerTrade[]> {
    return this.guarded('listing trades', async () => this.book.tradesOn(this.today()));
  }

  /** Open (non-zero) net positions. */
  async listPositions(): Promise<readonly BrokerPosition[]> {
    return this.guarded('listing positions', async () =>
      this.book
        .allPositions()
        .filter((p) => p.netQuantity !== 0)
        .map((p) => ({ instrument: p.instrument, netQuantity: p.netQuantity, averagePrice: averageOpenPrice(p), product: p.product })),
    );
  }

  /** Capital + realised P&L − charges − blocked margin (approximation, see `paper-margin.ts`). */
  async availableMargin(): Promise<BrokerMargin> {
    return this.guarded('reading the margin', async () => {
      const asOfMs = this.now();
      const usedPaise = await this.margin.blockedPaise(istDateTimeOf(asOfMs).date, { refreshSpots: true });
      return { availablePaise: this.margin.freePaise(usedPaise), usedPaise, asOfMs };
    });
  }

  /** Margin these orders would block on top of what is blocked now (each judged on its own). */
  async checkMargin(requests: readonly PlaceOrderRequest[]): Promise<Paise> {
    return this.guarded('checking the margin', async () => {
      const today = this.today();
      let sum = 0;
      for (const request of requests) {
        validatePlaceOrder({ request, today, rules: this.config.contractRules, accountId: this.config.accountId });
        sum += await this.margin.orderMarginPaise({ ...request, filledQuantity: 0 }, today, { refreshSpots: true });
      }
      return sum;
    });
  }

  /** Pushes every ORDER and TRADE update after it is stored; returns the unsubscribe function. */
  subscribeOrderUpdates(listener: (update: BrokerOrderUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Takes market quotes (remembered as the latest) and runs one match pass over the live
   * orders of those symbols. Resolves with the trades made.
   */
  async onMarket(quotes: readonly MarketQuote[]): Promise<readonly PaperTrade[]> {
    return this.guarded('matching', async () => {
      const bySymbol = new Map<string, MarketQuote>();
      for (const q of quotes) {
        bySymbol.set(q.symbol, q);
        this.latestQuotes.set(q.symbol, q);
      }
      return runMatchPass(this.matchHost, bySymbol);
    });
  }

  /**
   * Asks the market-data port for the quote of every live order's contract and runs one
   * match pass. A symbol whose quote fails is skipped this pass. Resolves with the trades made.
   */
  async matchNow(): Promise<readonly PaperTrade[]> {
    return this.guarded('matching', async () => {
      const symbols = [...new Set(this.book.liveOrders().map((o) => this.config.quoteSymbolOf(o.instrument)))];
      const results = await Promise.allSettled(symbols.map((s) => this.deps.marketData.quote(s)));
      const bySymbol = new Map<string, MarketQuote>();
      results.forEach((r, i) => {
        if (r.status !== 'fulfilled') return;
        bySymbol.set(symbols[i], r.value);
        this.latestQuotes.set(symbols[i], r.value);
      });
      return runMatchPass(this.matchHost, bySymbol);
    });
  }

  /** Ends the trading day: every live order becomes EXPIRED (DAY validity). */
  async expireLiveOrders(): Promise<void> {
    await this.guarded('expiring orders', async () => {
      for (const order of this.book.liveOrders()) await this.closeOrder(order, 'EXPIRED');
    });
  }

  /** Arms a fault (see `PaperFault`). */
  injectFault(fault: PaperFault): void {
    this.faults.inject(fault);
  }

  /** Disarms every fault. */
  clearFaults(): void {
    this.faults.clear();
  }

  /** The whole stored book: every day's orders and trades, and every position with its P&L. */
  snapshot(): PaperBookSnapshot {
    return this.book.snapshot();
  }

  /** Fills `quantity` of an order at `price`: stored, then pushed. */
  private async fill(order: PaperOrder, quantity: number, price: number): Promise<PaperTrade> {
    const out = fillOrder({
      order,
      position: this.book.position(positionKeyOf(order.instrument, order.product)),
      quantity,
      price,
      atMs: this.now(),
      counters: this.book.counters,
      idPrefix: this.config.idPrefix,
      brokerage: this.config.brokerage,
    });
    await this.commit({ orders: [out.order], trades: [out.trade], positions: [out.position], counters: out.counters }, [
      { type: 'TRADE', trade: out.trade },
      { type: 'ORDER', order: toOrderReport(out.order) },
    ]);
    return out.trade;
  }

  /** Moves a live order to CANCELED or EXPIRED: stored, then pushed. */
  private async rejectOrder(order: PaperOrder, reason: string): Promise<void> {
    const rejected: PaperOrder = { ...order, state: 'REJECTED', rejectReason: reason, updatedAtMs: this.now() };
    await this.commit({ orders: [rejected], trades: [], positions: [], counters: this.book.counters }, [{ type: 'ORDER', order: toOrderReport(rejected) }]);
  }

  private async closeOrder(order: PaperOrder, state: 'CANCELED' | 'EXPIRED'): Promise<void> {
    const closed: PaperOrder = { ...order, state, updatedAtMs: this.now() };
    await this.commit({ orders: [closed], trades: [], positions: [], counters: this.book.counters }, [{ type: 'ORDER', order: toOrderReport(closed) }]);
  }

  private today(): string {
    return istDateTimeOf(this.now()).date;
  }

  private async commit(change: PaperBookChange, updates: readonly BrokerOrderUpdate[]): Promise<void> {
    try {
      await this.deps.store.save(change);
    } catch (error) {
      throw toPaperError(error, 'saving the paper book', 'TEMPORARY');
    }
    this.book.apply(change);
    for (const update of updates) {
      for (const listener of this.listeners) {
        try {
          listener(update);
        } catch {
          // A listener's failure is its own; the book has changed and other listeners still hear of it.
        }
      }
    }
  }

  /** Runs `fn` after every earlier call has finished, mapping any failure to a BrokerError. */
  private guarded<T>(context: string, fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn).catch((error: unknown) => {
      throw toPaperError(error, context, 'UNKNOWN');
    });
    this.tail = run.catch(() => undefined);
    return run;
  }
}
