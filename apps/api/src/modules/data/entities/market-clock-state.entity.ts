import { Entity, Unique } from 'typeorm';
import { CodeColumn, InstantColumn, IstDateColumn, TimestampedRow } from '../../../database/columns';

/**
 * Where a simulated market's clock stood, saved periodically and at shutdown, so a restart
 * resumes from there instead of rewinding (orders, fills and alerts are stamped in market time).
 */
@Entity('market_clock_states')
@Unique('uq_market_clock_states_source', ['source'])
export class MarketClockState extends TimestampedRow {
  /** The market source kind ('sim'). */
  @CodeColumn({ length: 10 })
  source!: string;

  /** The market instant last seen (UTC). */
  @InstantColumn()
  marketAt!: Date;

  /** The IST day the simulator was started from when it was saved (for the log and people). */
  @IstDateColumn()
  startDate!: string;
}
