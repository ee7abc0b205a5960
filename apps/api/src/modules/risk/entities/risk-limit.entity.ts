import { Entity, ForeignKey, Unique, VersionColumn } from 'typeorm';
import { BoolColumn, DoubleColumn, IntColumn, PaiseColumn, TimestampedRow } from '../../../database/columns';

/**
 * The stored, editable risk limits of one account (plan §3 `risk_parameters`, §7, as amended
 * by DECISIONS.md). Fractions are 0..1 (0.40 = 40%); amounts are paise; a null limit is off.
 */
@Entity('risk_limits')
@Unique('uq_risk_limits_account', ['accountId'])
export class RiskLimit extends TimestampedRow {
  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'CASCADE' })
  accountId!: number;

  /** Fraction of allocated capital usable as margin. */
  @DoubleColumn()
  maxMarginUsagePct!: number;

  /** Fraction of the usable headroom a first trade may take (the 50% rule). */
  @DoubleColumn()
  firstTradeFraction!: number;

  @IntColumn({ default: 1 })
  maxConcurrentPositions!: number;

  @PaiseColumn({ nullable: true })
  perPositionStopPaise!: number | null;

  @PaiseColumn({ nullable: true })
  perTradeRiskPaise!: number | null;

  @PaiseColumn()
  dailyLossLimitPaise!: number;

  @PaiseColumn({ nullable: true })
  weeklyLossLimitPaise!: number | null;

  @PaiseColumn()
  weeklyProfitTargetPaise!: number;

  @PaiseColumn()
  monthlyProfitTargetPaise!: number;

  @BoolColumn({ default: true })
  pauseOnProfitTarget!: boolean;

  /** Drawdown from the equity peak that trips the breaker, fraction. */
  @DoubleColumn()
  maxDrawdownPct!: number;

  @DoubleColumn({ nullable: true })
  maxLeverage!: number | null;

  @PaiseColumn({ nullable: true })
  maxTotalExposurePaise!: number | null;

  @PaiseColumn({ nullable: true })
  maxPositionExposurePaise!: number | null;

  /** ENTRY and AVERAGE orders need a person's approval (DECISIONS §1: on by default for ICICI). */
  @BoolColumn({ default: false })
  requiresApproval!: boolean;

  /** Fewest calendar days to expiry for new option risk (DECISIONS §1: the 1-day rule). */
  @IntColumn({ default: 1 })
  minDaysToExpiryOptions!: number;

  /** Fewest calendar days to expiry for new futures risk (15 by default). */
  @IntColumn({ default: 15 })
  minDaysToExpiryFutures!: number;

  @VersionColumn()
  version!: number;
}
