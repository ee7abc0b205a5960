import { Entity, ForeignKey, Index, VersionColumn } from 'typeorm';
import {
  BoolColumn,
  CodeColumn,
  DoubleColumn,
  InstantColumn,
  IntColumn,
  IstDateColumn,
  PaiseColumn,
  TimestampedRow,
  VarcharColumn,
} from '../../../database/columns';
import type { StrategyType } from '@mcube/contracts';

/** ACTIVE while any leg is open; CLOSED once everything is flat. */
export type PositionStatus = 'ACTIVE' | 'CLOSED';

/** Who asked for a position's exit (and so who re-prices it until it is flat). */
export type PositionExitOwner = 'PERSON' | 'BREAKER' | 'STRATEGY';

/** LONG/SHORT for futures; NEUTRAL for a strangle. */
export type PositionDirection = 'LONG' | 'SHORT' | 'NEUTRAL';

/** Name of the partial unique index that enforces the one-position rule in the database. */
export const ONE_ACTIVE_POSITION_INDEX = 'uq_positions_one_active_per_account';

/**
 * A position of one strategy on one account (plan §9), made of legs. The ONE POSITION RULE
 * is also a database constraint: a partial unique index allows at most one ACTIVE row per
 * account, so a race between two entries fails at the insert.
 */
@Entity('positions')
@Index(ONE_ACTIVE_POSITION_INDEX, ['accountId'], { unique: true, where: "status = 'ACTIVE'" })
@Index('ix_positions_account_status', ['accountId', 'status'])
export class Position extends TimestampedRow {
  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'RESTRICT' })
  accountId!: number;

  @CodeColumn({ length: 40 })
  strategyType!: StrategyType;

  @CodeColumn({ length: 10, default: 'ACTIVE' })
  status!: PositionStatus;

  @CodeColumn({ length: 10 })
  direction!: PositionDirection;

  /** NIFTY, or the stock/index of a futures position. */
  @VarcharColumn(40)
  underlying!: string;

  /** Expiry of the contracts, IST date. */
  @IstDateColumn()
  expiryDate!: string;

  /** Units (not lots) filled per leg: the most units any leg has held (0 until the first fill; never what was only asked for). */
  @IntColumn()
  quantity!: number;

  /** Futures: average entry price per unit, paise. */
  @PaiseColumn({ nullable: true })
  entryPricePaise!: number | null;

  /** Futures: stop-loss price per unit, paise. */
  @PaiseColumn({ nullable: true })
  stopLossPricePaise!: number | null;

  /** Futures: target price per unit, paise. */
  @PaiseColumn({ nullable: true })
  targetPricePaise!: number | null;

  /** Strangle: call and put strikes (index points). */
  @DoubleColumn({ nullable: true })
  callStrike!: number | null;

  @DoubleColumn({ nullable: true })
  putStrike!: number | null;

  /** Strangle: premium received at entry over all legs, paise. */
  @PaiseColumn({ default: 0 })
  premiumCollectedPaise!: number;

  @PaiseColumn()
  marginUsedPaise!: number;

  /** Notional value at entry, paise. */
  @PaiseColumn()
  entryValuePaise!: number;

  @PaiseColumn({ default: 0 })
  realizedPnlPaise!: number;

  @PaiseColumn({ default: 0 })
  unrealizedPnlPaise!: number;

  /** Net delta in underlying units at the last mark. */
  @DoubleColumn({ default: 0 })
  currentDelta!: number;

  @IntColumn({ default: 0 })
  averagingCount!: number;

  @BoolColumn({ default: false })
  partialBooked!: boolean;

  @InstantColumn()
  openedAt!: Date;

  @InstantColumn({ nullable: true })
  closedAt!: Date | null;

  /** Why it is being or was closed (an exit code such as MANUAL, TARGET, STOP_LOSS, EOD_PROFIT, EXPIRY_DAY, CIRCUIT_BREAKER; ENTRY_NOT_FILLED, EXITED). */
  @VarcharColumn(40, { nullable: true })
  exitReason!: string | null;

  /** When an exit of the whole position was requested: from then on it is EXITING until flat (stored: chasing survives a restart). */
  @InstantColumn({ nullable: true })
  exitRequestedAt!: Date | null;

  /** Who chases that exit: the exit chaser for a PERSON's or the BREAKER's, the strategy for its own (STRATEGY). */
  @CodeColumn({ length: 10, nullable: true })
  exitOwner!: PositionExitOwner | null;

  /** Optimistic lock: two writers cannot both close or average the same position. */
  @VersionColumn()
  version!: number;
}
