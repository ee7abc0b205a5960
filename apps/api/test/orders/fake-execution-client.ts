import {
  BrokerError,
  type BrokerMargin,
  type BrokerOrderReport,
  type BrokerPosition,
  type BrokerTrade,
  type Clock,
  type ExecutionClient,
  type PlaceOrderAck,
  type PlaceOrderRequest,
} from '@mcube/domain';

/** One order as the fake broker holds it, with the (clock) time it was received. */
export interface FakeBrokerOrder {
  readonly request: PlaceOrderRequest;
  readonly brokerOrderId: string;
  readonly receivedAtMs: number;
  state: BrokerOrderReport['state'];
  filled: number;
}

/**
 * A small in-memory broker for gateway tests (until the paper broker is wired): stores
 * orders by tag, fills on demand, and plays two faults: a timeout AFTER the order was
 * accepted, and a rejection.
 */
export class FakeExecutionClient implements ExecutionClient {
  readonly broker = 'PAPER' as const;
  readonly orders: FakeBrokerOrder[] = [];
  readonly trades: BrokerTrade[] = [];
  private timeoutsLeft = 0;
  private rejectsLeft = 0;
  private seq = 0;
  /** Fill the rest of an order right after a cancel was acknowledged (the exchange matched first). */
  fillAfterCancel = false;

  constructor(private readonly clock: Clock) {}

  /** The next `n` placeOrder calls store the order, then fail with TEMPORARY (outcome unknown). */
  timeoutAfterAccept(n = 1): void {
    this.timeoutsLeft += n;
  }

  /** The next `n` placeOrder calls are refused with REJECTED (nothing stored). */
  reject(n = 1): void {
    this.rejectsLeft += n;
  }

  async placeOrder(request: PlaceOrderRequest): Promise<PlaceOrderAck> {
    if (this.rejectsLeft > 0) {
      this.rejectsLeft--;
      throw new BrokerError('REJECTED', 'RMS: rejected (fake)');
    }
    const order: FakeBrokerOrder = { request, brokerOrderId: `B${++this.seq}`, receivedAtMs: this.clock.nowMs(), state: 'OPEN', filled: 0 };
    this.orders.push(order);
    if (this.timeoutsLeft > 0) {
      this.timeoutsLeft--;
      throw new BrokerError('TEMPORARY', 'timeout (fake)');
    }
    return { clientOrderId: request.clientOrderId, brokerOrderId: order.brokerOrderId };
  }

  /** Fills `quantity` (default: the rest) of the order tagged `tag` at `price` (default: its limit). */
  fill(tag: string, quantity?: number, price?: number): BrokerTrade {
    const o = this.orders.find((x) => x.request.clientOrderId === tag);
    if (!o) throw new Error(`no fake order tagged ${tag}`);
    const q = quantity ?? o.request.quantity - o.filled;
    o.filled += q;
    if (o.filled === o.request.quantity) o.state = 'FILLED';
    const trade: BrokerTrade = {
      tradeId: `T${++this.seq}`,
      brokerOrderId: o.brokerOrderId,
      clientOrderId: tag,
      instrument: o.request.instrument,
      side: o.request.side,
      quantity: q,
      price: price ?? o.request.limitPrice,
      occurredAtMs: this.clock.nowMs(),
    };
    this.trades.push(trade);
    return trade;
  }

  async cancelOrder(request: { brokerOrderId: string; clientOrderId: string }): Promise<void> {
    const o = this.orders.find((x) => x.brokerOrderId === request.brokerOrderId);
    if (!o || o.state === 'FILLED') throw new BrokerError('REJECTED', 'order already complete');
    o.state = 'CANCELED';
    if (this.fillAfterCancel) {
      const q = o.request.quantity - o.filled;
      o.filled = o.request.quantity;
      this.trades.push({ tradeId: `T${++this.seq}`, brokerOrderId: o.brokerOrderId, clientOrderId: o.request.clientOrderId, instrument: o.request.instrument, side: o.request.side, quantity: q, price: o.request.limitPrice, occurredAtMs: this.clock.nowMs() });
    }
  }

  async orderByTag(clientOrderId: string): Promise<BrokerOrderReport | undefined> {
    const o = this.orders.find((x) => x.request.clientOrderId === clientOrderId);
    return o ? this.report(o) : undefined;
  }

  async listOrders(): Promise<readonly BrokerOrderReport[]> {
    return this.orders.map((o) => this.report(o));
  }

  async listTrades(): Promise<readonly BrokerTrade[]> {
    return [...this.trades];
  }

  /** Net positions from the fills, one per contract (what a broker reports). */
  async listPositions(): Promise<readonly BrokerPosition[]> {
    const net = new Map<string, BrokerPosition>();
    for (const o of this.orders) {
      if (o.filled === 0) continue;
      const { segment, underlying, kind, expiry, strike, optionType } = o.request.instrument;
      const key = `${underlying}|${kind}|${expiry}|${strike ?? ''}|${optionType ?? ''}`;
      const signed = o.request.side === 'BUY' ? o.filled : -o.filled;
      const before = net.get(key);
      net.set(key, { instrument: { segment, underlying, kind, expiry, strike, optionType }, netQuantity: (before?.netQuantity ?? 0) + signed, averagePrice: o.request.limitPrice, product: 'NRML' });
    }
    return [...net.values()];
  }

  async availableMargin(): Promise<BrokerMargin> {
    return { availablePaise: 3_00_00_000_00, usedPaise: 0, asOfMs: this.clock.nowMs() };
  }

  private report(o: FakeBrokerOrder): BrokerOrderReport {
    return {
      brokerOrderId: o.brokerOrderId,
      clientOrderId: o.request.clientOrderId,
      instrument: o.request.instrument,
      side: o.request.side,
      quantity: o.request.quantity,
      limitPrice: o.request.limitPrice,
      state: o.state,
      filledQuantity: o.filled,
      updatedAtMs: this.clock.nowMs(),
    };
  }
}
