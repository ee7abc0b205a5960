import { Entity, Unique } from 'typeorm';
import { CodeColumn, IstDateColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/** What a stored calendar override does to its date (see `CalendarDayOverride` in @mcube/domain). */
export type CalendarOverrideKind = 'HOLIDAY' | 'NORMAL' | 'SPECIAL' | 'MUHURAT';

/** How an override or a year's list was entered. */
export type CalendarEntrySource = 'MANUAL' | 'CSV';

/**
 * A stored change to the shipped NSE calendar for one date (holiday, withdrawn holiday, special
 * or muhurat session with its hours). The shipped table is the seed; a row decides its date.
 */
@Entity('calendar_overrides')
@Unique('uq_calendar_overrides_date', ['calendarDate'])
export class CalendarOverride extends TimestampedRow {
  @IstDateColumn()
  calendarDate!: string;

  @CodeColumn({ length: 10 })
  kind!: CalendarOverrideKind;

  @VarcharColumn(120, { nullable: true })
  name!: string | null;

  /** IST 'HH:MM' of a session's open and close (SPECIAL, MUHURAT only). */
  @CodeColumn({ length: 5, nullable: true })
  sessionOpen!: string | null;

  @CodeColumn({ length: 5, nullable: true })
  sessionClose!: string | null;

  @CodeColumn({ length: 10 })
  source!: CalendarEntrySource;
}
