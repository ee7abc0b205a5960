import { Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { BigCountColumn, CodeColumn, InstantColumn, PaiseColumn, VarcharColumn } from '../../../database/columns';

/**
 * One OHLC bar of an index, stock or future. Prices are hundredths of the quoted unit
 * (paise for tradables, hundredths of a point for an index): exact at the ₹0.05 tick.
 */
@Entity('market_data')
@Unique('uq_market_data_symbol_interval_start', ['symbol', 'interval', 'barStart'])
export class MarketData {
  @PrimaryGeneratedColumn()
  id!: number;

  @VarcharColumn(60)
  symbol!: string;

  /** 1m, 5m, 15m, 1h, 1d… */
  @CodeColumn({ length: 8 })
  interval!: string;

  /** Bar start, UTC instant. */
  @InstantColumn()
  barStart!: Date;

  @PaiseColumn()
  openPaise!: number;

  @PaiseColumn()
  highPaise!: number;

  @PaiseColumn()
  lowPaise!: number;

  @PaiseColumn()
  closePaise!: number;

  @BigCountColumn({ default: 0 })
  volume!: number;

  @BigCountColumn({ nullable: true })
  openInterest!: number | null;

  /** Where it came from (replay, kotak, icici, import…). */
  @VarcharColumn(30)
  source!: string;
}
