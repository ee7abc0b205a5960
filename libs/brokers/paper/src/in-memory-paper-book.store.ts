import type { PaperBookStore } from './paper-book-store.port';
import { EMPTY_PAPER_BOOK, type PaperBookChange, type PaperBookSnapshot, type PaperOrder, type PaperPosition, type PaperTrade } from './paper-book.types';

// Values are copied in and out (as a database would) so no caller changes the stored book by reference.
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A `PaperBookStore` in process memory: for tests, the simulator and backtests. Keeps the
 * port's contract (atomic upserts, no duplicate trade ids); loses everything with the process.
 */
export class InMemoryPaperBookStore implements PaperBookStore {
  private readonly orders = new Map<string, PaperOrder>();
  private readonly trades = new Map<string, PaperTrade>();
  private readonly positions = new Map<string, PaperPosition>();
  private counters = EMPTY_PAPER_BOOK.counters;

  /** Everything saved so far, as copies. */
  async load(): Promise<PaperBookSnapshot> {
    return copy({ orders: [...this.orders.values()], trades: [...this.trades.values()], positions: [...this.positions.values()], counters: this.counters });
  }

  /** Applies one event; rejects (storing nothing) when a trade id is already stored. */
  async save(change: PaperBookChange): Promise<void> {
    const repeated = change.trades.find((t) => this.trades.has(t.tradeId));
    if (repeated) throw new Error(`trade ${repeated.tradeId} is already stored`);
    const c = copy(change);
    for (const o of c.orders) this.orders.set(o.brokerOrderId, o);
    for (const t of c.trades) this.trades.set(t.tradeId, t);
    for (const p of c.positions) this.positions.set(p.key, p);
    this.counters = c.counters;
  }
}
