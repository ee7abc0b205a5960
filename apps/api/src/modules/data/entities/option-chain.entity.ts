import { Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { BigCountColumn, CodeColumn, DoubleColumn, InstantColumn, IstDateColumn, PaiseColumn, VarcharColumn } from '../../../database/columns';

/** One strike and side of an option chain snapshot, with IV and greeks. */
@Entity('option_chain_rows')
@Unique('uq_option_chain_rows_snapshot_contract', ['underlying', 'expiryDate', 'strike', 'optionType', 'snapshotAt'])
@Index('ix_option_chain_rows_underlying_snapshot', ['underlying', 'snapshotAt'])
export class OptionChainRow {
  @PrimaryGeneratedColumn()
  id!: number;

  @VarcharColumn(40)
  underlying!: string;

  @IstDateColumn()
  expiryDate!: string;

  /** Strike in index points (or rupees for stock options). */
  @DoubleColumn()
  strike!: number;

  @CodeColumn({ length: 2 })
  optionType!: 'CE' | 'PE';

  @InstantColumn()
  snapshotAt!: Date;

  /** Underlying level at the snapshot (index points or rupees). */
  @DoubleColumn({ nullable: true })
  underlyingPrice!: number | null;

  /** Per-unit option prices, paise. */
  @PaiseColumn({ nullable: true })
  ltpPaise!: number | null;

  @PaiseColumn({ nullable: true })
  bidPaise!: number | null;

  @PaiseColumn({ nullable: true })
  askPaise!: number | null;

  @BigCountColumn({ default: 0 })
  volume!: number;

  @BigCountColumn({ default: 0 })
  openInterest!: number;

  @BigCountColumn({ nullable: true })
  openInterestChange!: number | null;

  /** Implied volatility as a fraction (0.12 = 12%). */
  @DoubleColumn({ nullable: true })
  iv!: number | null;

  @DoubleColumn({ nullable: true })
  delta!: number | null;

  @DoubleColumn({ nullable: true })
  gamma!: number | null;

  @DoubleColumn({ nullable: true })
  theta!: number | null;

  @DoubleColumn({ nullable: true })
  vega!: number | null;

  @VarcharColumn(30)
  source!: string;
}
