import type { IsoDate, Paise } from '@mcube/domain';
import type { PaperBookChange, PaperBookCounters, PaperBookSnapshot, PaperOrder, PaperPosition, PaperTrade } from './paper-book.types';

const LIVE_STATES = new Set(['PENDING', 'OPEN']);

/** True while an order can still fill normally (PENDING or OPEN). */
export function isLiveOrder(order: PaperOrder): boolean {
  return LIVE_STATES.has(order.state);
}

/**
 * The paper book held in memory: a mirror of the store, changed only through `apply` after
 * the store saved the same change, so memory never runs ahead of what is durable.
 */
export class PaperBookState {
  private readonly orders = new Map<string, PaperOrder>();
  private readonly trades: PaperTrade[] = [];
  private readonly positions = new Map<string, PaperPosition>();
  // Indexes kept beside the full maps: a book grows for years, the live part stays small.
  private readonly live = new Map<string, PaperOrder>();
  private readonly open = new Map<string, PaperPosition>();
  private countersValue: PaperBookCounters;

  constructor(snapshot: PaperBookSnapshot) {
    for (const o of [...snapshot.orders].sort((a, b) => a.sequence - b.sequence)) this.putOrder(o);
    this.trades.push(...[...snapshot.trades].sort((a, b) => a.occurredAtMs - b.occurredAtMs || a.tradeId.localeCompare(b.tradeId)));
    for (const p of snapshot.positions) this.putPosition(p);
    this.countersValue = snapshot.counters;
  }

  private putOrder(o: PaperOrder): void {
    this.orders.set(o.brokerOrderId, o);
    if (isLiveOrder(o)) this.live.set(o.brokerOrderId, o);
    else this.live.delete(o.brokerOrderId);
  }

  private putPosition(p: PaperPosition): void {
    this.positions.set(p.key, p);
    if (p.netQuantity !== 0) this.open.set(p.key, p);
    else this.open.delete(p.key);
  }

  /** Applies a change already saved to the store. */
  apply(change: PaperBookChange): void {
    for (const o of change.orders) this.putOrder(o);
    this.trades.push(...change.trades);
    for (const p of change.positions) this.putPosition(p);
    this.countersValue = change.counters;
  }

  /** Current id counters. */
  get counters(): PaperBookCounters {
    return this.countersValue;
  }

  /** One order by broker id. */
  order(brokerOrderId: string): PaperOrder | undefined {
    return this.orders.get(brokerOrderId);
  }

  /** One position by key. */
  position(key: string): PaperPosition | undefined {
    return this.positions.get(key);
  }

  /** Every order, oldest first. */
  allOrders(): PaperOrder[] {
    return [...this.orders.values()];
  }

  /** Orders placed on `date`, oldest first. */
  ordersOn(date: IsoDate): PaperOrder[] {
    return this.allOrders().filter((o) => o.tradeDate === date);
  }

  /** PENDING or OPEN orders, in time priority. */
  liveOrders(): PaperOrder[] {
    return [...this.live.values()].sort((a, b) => a.sequence - b.sequence);
  }

  /** Trades of `date`, in time order. */
  tradesOn(date: IsoDate): PaperTrade[] {
    return this.trades.filter((t) => t.tradeDate === date);
  }

  /** Positions with a non-zero net quantity. */
  openPositions(): PaperPosition[] {
    return [...this.open.values()];
  }

  /** Every position, flat ones included. */
  allPositions(): PaperPosition[] {
    return [...this.positions.values()];
  }

  /** Σ realised P&L − Σ charges over every position. */
  netRealisedPaise(): Paise {
    let sum = 0;
    for (const p of this.positions.values()) sum += p.realisedPaise - p.chargesPaise;
    return sum;
  }

  /** The whole book (for a caller's inspection; arrays are fresh). */
  snapshot(): PaperBookSnapshot {
    return { orders: this.allOrders(), trades: [...this.trades], positions: this.allPositions(), counters: this.countersValue };
  }
}
