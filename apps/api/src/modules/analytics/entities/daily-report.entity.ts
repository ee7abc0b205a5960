import { Entity, ForeignKey, Unique } from 'typeorm';
import { InstantColumn, IntColumn, IstDateColumn, PaiseColumn, TimestampedRow } from '../../../database/columns';

/**
 * An account's end-of-day report (the 16:00 IST `analytics.daily-report` job): the day's
 * trades, P&L and how much of its limits and targets it used. One per account and IST date;
 * a rerun recomputes the same figures. Paise.
 */
@Entity('daily_reports')
@Unique('uq_daily_reports_account_date', ['accountId', 'tradeDate'])
export class DailyReport extends TimestampedRow {
  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'CASCADE' })
  accountId!: number;

  @IstDateColumn()
  tradeDate!: string;

  /** Positions closed that day. */
  @IntColumn({ default: 0 })
  positionsClosed!: number;

  /** Executions (broker trades) that day, on any position of the account. */
  @IntColumn({ default: 0 })
  fillsCount!: number;

  /** Gross realised P&L of the positions closed that day. */
  @PaiseColumn({ default: 0 })
  realizedPnlPaise!: number;

  /** Charges of every fill of those positions. */
  @PaiseColumn({ default: 0 })
  chargesPaise!: number;

  /** Open P&L of the position still active at the close (realised part + mark). */
  @PaiseColumn({ default: 0 })
  unrealizedPnlPaise!: number;

  /** realized − charges + unrealized: the day's figure the daily loss limit is checked against. */
  @PaiseColumn({ default: 0 })
  netPnlPaise!: number;

  /** The ISO week to that day (Monday on) and the month to that day, same basis. */
  @PaiseColumn({ default: 0 })
  weekNetPnlPaise!: number;

  @PaiseColumn({ default: 0 })
  monthNetPnlPaise!: number;

  /** The limits and targets in force when the report was made (null: none stored). */
  @PaiseColumn({ nullable: true })
  dailyLossLimitPaise!: number | null;

  @PaiseColumn({ nullable: true })
  weeklyLossLimitPaise!: number | null;

  @PaiseColumn({ nullable: true })
  weeklyProfitTargetPaise!: number | null;

  @PaiseColumn({ nullable: true })
  monthlyProfitTargetPaise!: number | null;

  @InstantColumn()
  generatedAt!: Date;
}
