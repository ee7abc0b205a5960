import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createDefaultNseCalendar, delegatingNseCalendar, type CalendarDayOverride, type NseCalendar } from '@mcube/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { CalendarOverride } from '../entities/calendar-override.entity';
import { CalendarYear } from '../entities/calendar-year.entity';

/** How often each process re-reads the stored calendar (a worker sees an API's edits within this). */
export const CALENDAR_RELOAD_MS = 60_000;

/** The stored part of the calendar: overrides per date and the entered (confirmed) years. */
export interface StoredCalendar {
  readonly overrides: readonly CalendarDayOverride[];
  readonly years: readonly CalendarYear[];
}

/** A stored row as the domain takes it. */
export function overrideOf(row: CalendarOverride): CalendarDayOverride {
  if (row.kind === 'HOLIDAY') return { date: row.calendarDate, kind: 'HOLIDAY', name: row.name ?? '' };
  if (row.kind === 'SPECIAL' || row.kind === 'MUHURAT') return { date: row.calendarDate, kind: row.kind, name: row.name ?? '', open: row.sessionOpen ?? '', close: row.sessionClose ?? '' };
  return { date: row.calendarDate, kind: 'NORMAL' };
}

/** The calendar of a stored state: the shipped table with the overrides, its years plus the entered ones confirmed. Throws DomainError on bad rows. */
export function calendarOf(stored: StoredCalendar): NseCalendar {
  return createDefaultNseCalendar({ overrides: stored.overrides, confirmedYears: stored.years.map((y) => y.year) });
}

/**
 * Holds the one NSE calendar of the process (`calendar`, behind NSE_CALENDAR): the shipped table
 * plus the stored overrides and entered years, rebuilt whenever they change (after each edit
 * here, and every `CALENDAR_RELOAD_MS` for edits made by another process). A stored state that
 * does not build (it cannot happen through the edit service) is logged and the previous
 * calendar kept: the calendar never stops the system.
 */
@Injectable()
export class CalendarStore implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Calendar');
  private current: NseCalendar = createDefaultNseCalendar();
  private state: StoredCalendar = { overrides: [], years: [] };
  private fingerprint = '';
  private timer?: NodeJS.Timeout;

  /** The one calendar: every holder sees the latest stored version. */
  readonly calendar: NseCalendar = delegatingNseCalendar(() => this.current);

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.reload().catch((err: unknown) => this.logger.warn(`calendar not reloaded: ${(err as Error).message}`));
    }, CALENDAR_RELOAD_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The stored rows the current calendar was built from. */
  get stored(): StoredCalendar {
    return this.state;
  }

  /** Reads the stored rows (through `manager` inside a transaction) without applying them. */
  async read(manager: EntityManager = this.dataSource.manager): Promise<{ rows: CalendarOverride[]; years: CalendarYear[] }> {
    const [rows, years] = await Promise.all([
      manager.find(CalendarOverride, { order: { calendarDate: 'ASC' } }),
      manager.find(CalendarYear, { order: { year: 'ASC' } }),
    ]);
    return { rows, years };
  }

  /** Re-reads the store and rebuilds the calendar if anything changed. */
  async reload(): Promise<void> {
    const { rows, years } = await this.read();
    const next: StoredCalendar = { overrides: rows.map(overrideOf), years };
    const fingerprint = JSON.stringify([next.overrides, years.map((y) => [y.year, y.holidayCount, y.source])]);
    if (fingerprint === this.fingerprint) return;
    try {
      this.current = calendarOf(next);
      this.state = next;
      this.fingerprint = fingerprint;
      this.logger.log(`NSE calendar loaded: ${rows.length} stored override(s), horizon ${this.current.horizon ?? 'none'}`);
    } catch (err) {
      this.logger.error(`stored calendar rejected, keeping the previous one: ${(err as Error).message}`);
    }
  }
}
