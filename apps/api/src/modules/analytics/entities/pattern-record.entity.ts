import { Entity, Index, Unique } from 'typeorm';
import { CodeColumn, DoubleColumn, InstantColumn, IntColumn, JsonColumn, PaiseColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';
import type { StrategyType } from '../../strategies/entities/strategy-type';

/**
 * One closed position as the learning loop keeps it (plan §12–13): the market facts at entry,
 * their classes (`condition`, domain `entryConditionOf`) and the outcome net of charges.
 * Written once per position by the 16:30 learning job; a missing fact stays null.
 */
@Entity('pattern_records')
@Unique('uq_pattern_records_position', ['positionId'])
@Index('ix_pattern_records_strategy', ['strategyType'])
export class PatternRecord extends TimestampedRow {
  /** The closed position (plain id: the record outlives nothing, but stays readable alone). */
  @IntColumn()
  positionId!: number;

  @IntColumn()
  accountId!: number;

  @CodeColumn({ length: 40 })
  strategyType!: StrategyType;

  @InstantColumn()
  enteredAt!: Date;

  @InstantColumn()
  closedAt!: Date;

  @DoubleColumn({ nullable: true })
  vixAtEntry!: number | null;

  @DoubleColumn({ nullable: true })
  spotAtEntry!: number | null;

  @IntColumn({ nullable: true })
  daysToExpiry!: number | null;

  /** Underlying change over the three completed days before entry, percent. */
  @DoubleColumn({ nullable: true })
  change3dPct!: number | null;

  /** High-impact events from entry to expiry (null: unknown). */
  @IntColumn({ nullable: true })
  eventsBeforeExpiry!: number | null;

  /** Nearer strike's distance from spot in σ of the move to expiry. */
  @DoubleColumn({ nullable: true })
  strikeSigma!: number | null;

  @VarcharColumn(20, { nullable: true })
  oiSignal!: string | null;

  @VarcharColumn(20, { nullable: true })
  sectorVerdict!: string | null;

  /** The classes of the facts (domain `EntryCondition`). */
  @JsonColumn()
  condition!: Record<string, string>;

  @VarcharColumn(40, { nullable: true })
  exitReason!: string | null;

  @PaiseColumn()
  grossPnlPaise!: number;

  @PaiseColumn()
  chargesPaise!: number;

  @PaiseColumn()
  netPnlPaise!: number;
}
