import { Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { DoubleColumn, IntColumn, IstDateColumn, PaiseColumn, TimestampedRow } from '../../../database/columns';
import { BrokerAccount } from '../../accounts/entities/broker-account.entity';

/** An account's P&L for one IST trading day, with the equity peak used for drawdown. */
@Entity('daily_pnl')
@Unique('uq_daily_pnl_account_date', ['accountId', 'tradeDate'])
export class DailyPnl extends TimestampedRow {
  @IntColumn()
  accountId!: number;

  @ManyToOne(() => BrokerAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: BrokerAccount;

  @IstDateColumn()
  tradeDate!: string;

  @PaiseColumn({ default: 0 })
  realizedPnlPaise!: number;

  @PaiseColumn({ default: 0 })
  unrealizedPnlPaise!: number;

  @PaiseColumn({ default: 0 })
  chargesPaise!: number;

  /** realized + unrealized − charges. */
  @PaiseColumn({ default: 0 })
  netPnlPaise!: number;

  @IntColumn({ default: 0 })
  tradesCount!: number;

  /** Equity at the end of the day, paise. */
  @PaiseColumn()
  equityPaise!: number;

  /** Highest end-of-day equity so far, paise. */
  @PaiseColumn()
  peakEquityPaise!: number;

  /** (peak − equity) / peak, fraction. */
  @DoubleColumn({ default: 0 })
  drawdownPct!: number;
}
