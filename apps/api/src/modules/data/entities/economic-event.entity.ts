import { Entity, Unique } from 'typeorm';
import { CodeColumn, IstDateColumn, TextColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/** How much an event can move the market; HIGH ones block strangle entries (plan §5). */
export type EventImportance = 'LOW' | 'MEDIUM' | 'HIGH';

/** An economic or market event (RBI policy, Fed, budget, results…) on an IST date (plan's `Event`). */
@Entity('economic_events')
@Unique('uq_economic_events_date_title', ['eventDate', 'title'])
export class EconomicEvent extends TimestampedRow {
  @VarcharColumn(200)
  title!: string;

  @CodeColumn({ length: 10 })
  importance!: EventImportance;

  @IstDateColumn()
  eventDate!: string;

  /** IST 'HH:MM', when known. */
  @CodeColumn({ length: 8, nullable: true })
  eventTime!: string | null;

  /** ISO country code (IN, US…). */
  @CodeColumn({ length: 2, default: 'IN' })
  country!: string;

  @VarcharColumn(40, { nullable: true })
  category!: string | null;

  @TextColumn({ nullable: true })
  description!: string | null;

  @VarcharColumn(60, { nullable: true })
  source!: string | null;
}
