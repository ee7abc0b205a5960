import { EMPTY_PAPER_BOOK, type PaperBookChange, type PaperBookCounters, type PaperBookSnapshot, type PaperBookStore, type PaperOrder, type PaperPosition, type PaperTrade } from '@mcube/brokers-paper';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { inTransaction } from '../../../database/in-transaction';
import { PaperBookRow, type PaperBookRowKind } from '../entities/paper-book-row.entity';
import { journalPaperAck } from './journal-paper-ack';

const COUNTERS_KEY = 'counters';

// The row as inserted (JSON body typed loosely for TypeORM's insert builder).
type NewRow = QueryDeepPartialEntity<PaperBookRow>;

/**
 * The database-backed `PaperBookStore` of one paper account (rows of `paper_book_rows`),
 * keeping the port's contract: `save` applies one event in ONE transaction (orders and
 * positions upserted by key, trades inserted — a repeated trade id violates the unique key
 * and rejects, storing nothing — counters replaced) and resolves once committed (SQLite
 * synchronous=FULL). A placement's acknowledgement (`change.acknowledges`) is journaled on
 * the gateway's order in that same transaction (`journalPaperAck`: one commit per paper order
 * instead of two). `load` returns every saved record, or `EMPTY_PAPER_BOOK`.
 */
export class DbPaperBookStore implements PaperBookStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accountId: number,
  ) {}

  async load(): Promise<PaperBookSnapshot> {
    const rows = await this.dataSource.getRepository(PaperBookRow).find({ where: { accountId: this.accountId }, order: { id: 'ASC' } });
    if (rows.length === 0) return EMPTY_PAPER_BOOK;
    const of = <T>(kind: PaperBookRowKind) => rows.filter((r) => r.kind === kind).map((r) => r.body as unknown as T);
    const counters = of<PaperBookCounters>('COUNTERS')[0] ?? EMPTY_PAPER_BOOK.counters;
    return { orders: of<PaperOrder>('ORDER'), trades: of<PaperTrade>('TRADE'), positions: of<PaperPosition>('POSITION'), counters };
  }

  save(change: PaperBookChange): Promise<void> {
    return inTransaction(this.dataSource, async (m) => {
      if (change.trades.length > 0) {
        // A plain insert: a trade id stored before violates the unique key and the event is refused.
        await m.createQueryBuilder().insert().into(PaperBookRow).values(change.trades.map((t) => this.row('TRADE', t.tradeId, t))).execute();
      }
      const upserts = [...change.orders.map((o) => this.row('ORDER', o.brokerOrderId, o)), ...change.positions.map((p) => this.row('POSITION', p.key, p)), this.row('COUNTERS', COUNTERS_KEY, change.counters)];
      await this.upsert(m, upserts);
      if (change.acknowledges) await journalPaperAck(m, this.accountId, change.acknowledges);
    });
  }

  private row(kind: PaperBookRowKind, rowKey: string, value: object): NewRow {
    return { accountId: this.accountId, kind, rowKey, body: toBody(value) } as NewRow;
  }

  // One INSERT … ON CONFLICT (account_id, kind, row_key) DO UPDATE SET body (both databases).
  private async upsert(m: EntityManager, rows: NewRow[]): Promise<void> {
    await m.createQueryBuilder().insert().into(PaperBookRow).values(rows).orUpdate(['body'], ['account_id', 'kind', 'row_key']).execute();
  }
}

// A plain JSON copy: the stored body never aliases the broker's objects.
function toBody(value: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
