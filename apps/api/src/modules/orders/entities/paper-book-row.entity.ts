import { Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CodeColumn, IntColumn, JsonColumn, VarcharColumn } from '../../../database/columns';

/** What a paper book row holds. */
export type PaperBookRowKind = 'ORDER' | 'TRADE' | 'POSITION' | 'COUNTERS';

/**
 * One record of a paper account's own book (the paper broker's order book, trade book,
 * positions and id counters), as the broker wrote it: `body` is the record as JSON (paise
 * stay exact integers in JSON). `(accountId, kind, rowKey)` is unique: orders by broker
 * order id, trades by trade id (a trade is never stored twice), positions by key.
 */
@Entity('paper_book_rows')
@Unique('uq_paper_book_rows_account_kind_key', ['accountId', 'kind', 'rowKey'])
@Index('ix_paper_book_rows_account', ['accountId'])
export class PaperBookRow {
  @PrimaryGeneratedColumn()
  id!: number;

  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'CASCADE' })
  accountId!: number;

  @CodeColumn({ length: 10 })
  kind!: PaperBookRowKind;

  @VarcharColumn(120)
  rowKey!: string;

  @JsonColumn()
  body!: Record<string, unknown>;
}
