import { Entity, Index, Unique } from 'typeorm';
import { CodeColumn, IntColumn, IstDateColumn, PaiseColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/**
 * One F&O contract of a broker's instrument master (scrip master) of one day: the authority for
 * expiries, lot sizes, strikes, tick and freeze quantity once loaded (DECISIONS §2). Written
 * whole per (broker, master date) by the `instruments.refresh` job; a failed download writes
 * nothing, so the previous day's rows stay the master in use.
 */
@Entity('instrument_contracts')
@Unique('uq_instrument_contracts_broker_date_symbol', ['broker', 'masterDate', 'tradingSymbol'])
@Index('ix_instrument_contracts_broker_date_underlying', ['broker', 'masterDate', 'underlying'])
export class InstrumentContract extends TimestampedRow {
  @CodeColumn({ length: 10 })
  broker!: 'KOTAK' | 'ICICI';

  /** The day the master file is dated (IST). */
  @IstDateColumn()
  masterDate!: string;

  /** The broker's exchange segment (`nse_fo`). */
  @VarcharColumn(12)
  exchangeSegment!: string;

  /** The broker's instrument token (quotes, margin, modify). */
  @VarcharColumn(30)
  token!: string;

  /** What orders carry (`NIFTY26AUG24500CE`). */
  @VarcharColumn(60)
  tradingSymbol!: string;

  @VarcharColumn(30)
  underlying!: string;

  /** The broker's instrument type (OPTIDX, OPTSTK, FUTIDX, FUTSTK). */
  @CodeColumn({ length: 10 })
  instrumentType!: string;

  @CodeColumn({ length: 4 })
  kind!: 'OPT' | 'FUT';

  @CodeColumn({ length: 2, nullable: true })
  optionType!: 'CE' | 'PE' | null;

  @IstDateColumn()
  expiry!: string;

  /** Strike in paise (options only). */
  @PaiseColumn({ nullable: true })
  strikePaise!: number | null;

  @IntColumn()
  lotSize!: number;

  @PaiseColumn()
  tickPaise!: number;

  /** Largest units per order, when the master gives it. */
  @IntColumn({ nullable: true })
  freezeQuantity!: number | null;
}
