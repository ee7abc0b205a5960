import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { EMPTY_PAPER_BOOK, type PaperBookChange, type PaperBookSnapshot, type PaperBookStore } from '@mcube/brokers-paper';

/**
 * A `PaperBookStore` in one JSON file, written durably (temp file, fsync, rename) on every
 * event: the paper broker's book survives a SIGKILL of the process using it, like a real
 * broker's would. For crash tests only.
 */
export class JsonFilePaperBookStore implements PaperBookStore {
  constructor(private readonly path: string) {}

  async load(): Promise<PaperBookSnapshot> {
    return existsSync(this.path) ? (JSON.parse(readFileSync(this.path, 'utf8')) as PaperBookSnapshot) : EMPTY_PAPER_BOOK;
  }

  async save(change: PaperBookChange): Promise<void> {
    const book = await this.load();
    if (change.trades.some((t) => book.trades.some((x) => x.tradeId === t.tradeId))) throw new Error('trade already stored');
    const orders = new Map(book.orders.map((o) => [o.brokerOrderId, o]));
    for (const o of change.orders) orders.set(o.brokerOrderId, o);
    const positions = new Map(book.positions.map((p) => [p.key, p]));
    for (const p of change.positions) positions.set(p.key, p);
    const next: PaperBookSnapshot = { orders: [...orders.values()], trades: [...book.trades, ...change.trades], positions: [...positions.values()], counters: change.counters };
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w');
    writeSync(fd, JSON.stringify(next));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.path);
  }
}
