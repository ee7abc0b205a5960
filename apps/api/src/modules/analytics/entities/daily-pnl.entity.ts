import { Entity, ForeignKey, Unique } from 'typeorm';
import { DoubleColumn, IntColumn, IstDateColumn, PaiseColumn, TimestampedRow } from '../../../database/columns';

/** An account's P&L for one IST trading day, with the equity peak used for drawdown (written by `DailyPnlService`). */
@Entity('daily_pnl')
@Unique('uq_daily_pnl_account_date', ['accountId', 'tradeDate'])
export class DailyPnl extends TimestampedRow {
  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'CASCADE' })
  accountId!: number;

  @IstDateColumn()
  tradeDate!: string;

  /** Gross realised P&L of the positions that closed this day. */
  @PaiseColumn({ default: 0 })
  realizedPnlPaise!: number;

  /**
   * Open P&L of the still-active position at the last recompute (its realised part from
   * partial exits plus its mark). NOT in `netPnlPaise`: the risk checks add the live figure.
   */
  @PaiseColumn({ default: 0 })
  unrealizedPnlPaise!: number;

  /** Charges of every fill of the positions that closed this day. */
  @PaiseColumn({ default: 0 })
  chargesPaise!: number;

  /** realized − charges: the closed positions only (see `unrealizedPnlPaise`). */
  @PaiseColumn({ default: 0 })
  netPnlPaise!: number;

  /** Positions closed this day. */
  @IntColumn({ default: 0 })
  tradesCount!: number;

  /** Equity at the last recompute (the close, once the day is over): capital + closed net to date + open P&L, paise. */
  @PaiseColumn()
  equityPaise!: number;

  /** Highest end-of-day equity so far, paise. */
  @PaiseColumn()
  peakEquityPaise!: number;

  /** (peak − equity) / peak, fraction. */
  @DoubleColumn({ default: 0 })
  drawdownPct!: number;
}
