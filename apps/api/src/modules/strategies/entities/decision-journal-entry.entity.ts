import { CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CodeColumn, INSTANT_COLUMN_TYPE, InstantColumn, IntColumn, JsonColumn, TextColumn, VarcharColumn } from '../../../database/columns';
import type { StrategyType } from './strategy-type';

/** What kind of decision a journal entry records. */
export type DecisionKind = 'ENTRY' | 'SKIP' | 'EXIT' | 'HOLD' | 'ADJUST' | 'AVERAGE' | 'ALERT' | 'SCREEN' | 'APPROVAL' | 'VALIDATION';

/**
 * Append-only journal of every strategy decision (entry, skip, exit, hold, adjustment,
 * averaging) with the inputs it was made on, so any decision can be explained and replayed.
 * Rows are never updated.
 */
@Entity('decision_journal')
@Index('ix_decision_journal_account_occurred', ['accountId', 'occurredAt'])
export class DecisionJournalEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'CASCADE' })
  accountId!: number;

  @CodeColumn({ length: 40 })
  strategyType!: StrategyType;

  @CodeColumn({ length: 10 })
  kind!: DecisionKind;

  /** Short verdict, e.g. `ENTER`, `SKIP`, `EXIT_TARGET`, `HOLD_BELOW_EOD_MIN`. */
  @VarcharColumn(60)
  decision!: string;

  /** Machine-readable reason (a filter name, a risk denial code, an exit code). */
  @VarcharColumn(60, { nullable: true })
  reasonCode!: string | null;

  @TextColumn()
  reason!: string;

  /** Everything the decision was computed from (spot, VIX, filter values, parameters version…). */
  @JsonColumn()
  inputs!: Record<string, unknown>;

  /** The position concerned, if any (plain id: the journal outlives deleted rows). */
  @IntColumn({ nullable: true })
  positionId!: number | null;

  /** The order the decision produced, if any. */
  @VarcharColumn(64, { nullable: true })
  clientOrderId!: string | null;

  /** When the decision was taken (strategy clock). */
  @InstantColumn()
  occurredAt!: Date;

  /** When mCube stored it. */
  @CreateDateColumn({ type: INSTANT_COLUMN_TYPE })
  recordedAt!: Date;
}
