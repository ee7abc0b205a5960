import { Entity, ForeignKey, Unique } from 'typeorm';
import { CodeColumn, DoubleColumn, IntColumn, IstDateColumn, PaiseColumn, TimestampedRow } from '../../../database/columns';

/** The period a performance row covers. */
export type PerformancePeriod = 'WEEK' | 'MONTH' | 'YEAR' | 'ALL';

/** An account's performance over a period (win rate, profit factor, drawdown…). */
@Entity('performance')
@Unique('uq_performance_account_period', ['accountId', 'periodType', 'periodStart'])
export class Performance extends TimestampedRow {
  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'CASCADE' })
  accountId!: number;

  @CodeColumn({ length: 10 })
  periodType!: PerformancePeriod;

  @IstDateColumn()
  periodStart!: string;

  @IstDateColumn()
  periodEnd!: string;

  @IntColumn({ default: 0 })
  totalTrades!: number;

  @IntColumn({ default: 0 })
  winningTrades!: number;

  @IntColumn({ default: 0 })
  losingTrades!: number;

  @PaiseColumn({ default: 0 })
  grossProfitPaise!: number;

  @PaiseColumn({ default: 0 })
  grossLossPaise!: number;

  @PaiseColumn({ default: 0 })
  chargesPaise!: number;

  @PaiseColumn({ default: 0 })
  netPnlPaise!: number;

  /** Fraction 0..1. */
  @DoubleColumn({ default: 0 })
  winRate!: number;

  @DoubleColumn({ nullable: true })
  profitFactor!: number | null;

  /** Fraction 0..1. */
  @DoubleColumn({ default: 0 })
  maxDrawdownPct!: number;

  @DoubleColumn({ nullable: true })
  sharpeRatio!: number | null;
}
