import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CodeColumn, DoubleColumn, InstantColumn, IntColumn, IstDateColumn, PaiseColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';
import { Position } from './position.entity';

/** CE/PE for option legs, FUT for futures. */
export type LegInstrumentType = 'CE' | 'PE' | 'FUT';

/** One instrument of a position (a strangle has a call and a put; futures have one leg). */
@Entity('position_legs')
@Index('ix_position_legs_position', ['positionId'])
export class PositionLeg extends TimestampedRow {
  @IntColumn()
  positionId!: number;

  @ManyToOne(() => Position, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'position_id' })
  position?: Position;

  /** mCube's instrument key (domain `instrumentKey`), e.g. NIFTY-2024-01-25-22500-CE; orders of the leg carry the same text. */
  @VarcharColumn(60)
  tradingSymbol!: string;

  /** Broker's instrument token, when known. */
  @VarcharColumn(40, { nullable: true })
  instrumentToken!: string | null;

  @VarcharColumn(40)
  underlying!: string;

  @CodeColumn({ length: 4 })
  instrumentType!: LegInstrumentType;

  /** Strike in index points; null for futures. */
  @DoubleColumn({ nullable: true })
  strike!: number | null;

  @IstDateColumn()
  expiryDate!: string;

  @CodeColumn({ length: 4 })
  side!: 'BUY' | 'SELL';

  /** Open quantity in units (not lots), ≥ 0. */
  @IntColumn()
  quantity!: number;

  @IntColumn()
  lotSize!: number;

  /** Average entry price per unit, paise. */
  @PaiseColumn()
  avgPricePaise!: number;

  /** Last mark per unit, paise. */
  @PaiseColumn({ nullable: true })
  lastPricePaise!: number | null;

  /** Average exit price per unit, paise, once (partly) closed. */
  @PaiseColumn({ nullable: true })
  exitPricePaise!: number | null;

  @PaiseColumn({ default: 0 })
  realizedPnlPaise!: number;

  @CodeColumn({ length: 10, default: 'OPEN' })
  status!: 'OPEN' | 'CLOSED';

  @InstantColumn()
  openedAt!: Date;

  @InstantColumn({ nullable: true })
  closedAt!: Date | null;
}
