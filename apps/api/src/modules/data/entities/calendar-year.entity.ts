import { Entity, Unique } from 'typeorm';
import { CodeColumn, IntColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';
import type { CalendarEntrySource } from './calendar-override.entity';

/**
 * A year whose NSE holiday list was entered or imported: it is CONFIRMED, so the calendar's
 * horizon moves past it (the shipped years 2015–2026 are confirmed without a row).
 */
@Entity('calendar_years')
@Unique('uq_calendar_years_year', ['year'])
export class CalendarYear extends TimestampedRow {
  @IntColumn()
  year!: number;

  /** Weekday holidays in the list as entered. */
  @IntColumn()
  holidayCount!: number;

  @CodeColumn({ length: 10 })
  source!: CalendarEntrySource;

  /** Who entered it (the audit log has the details). */
  @VarcharColumn(200)
  confirmedBy!: string;
}
