import { Injectable } from '@nestjs/common';
import type { CalendarHolidayInput, CalendarImportResponse, CalendarYearResponse } from '@mcube/contracts';
import { applyCalendarOverrides, DomainError, isoWeekday, replaceYearHolidays, type CalendarDayOverride, type IstTime } from '@mcube/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { currentRequestContext } from '../../../common/request-context/request-context';
import { inTransaction } from '../../../database/in-transaction';
import { AuditService } from '../../core/audit/audit.service';
import { CalendarOverride, type CalendarEntrySource } from '../entities/calendar-override.entity';
import { CalendarYear } from '../entities/calendar-year.entity';
import { calendarOf, CalendarStore, overrideOf } from './calendar-store.service';
import { SHIPPED_CALENDAR, yearView } from './calendar-views';
import { parseNseHolidayCsv, type ParsedHoliday } from './nse-holiday-csv.parser';
import type { ImportRowError } from '@mcube/contracts';

/** A CSV import refused as a whole: every bad line (nothing was written). */
export class CalendarImportRejected extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super(`the holiday file was not imported: ${errors.length} problem(s)`);
  }
}

/** A session as entered. */
export interface SessionInput {
  readonly kind: 'SPECIAL' | 'MUHURAT';
  readonly name: string;
  readonly open: IstTime;
  readonly close: IstTime;
}

interface Change {
  /** The override each date gets; null removes the date's row (it follows the shipped table again). */
  readonly dates: ReadonlyMap<string, CalendarDayOverride | null>;
  readonly source: CalendarEntrySource;
  readonly confirmYear?: { year: number; holidayCount: number };
  readonly audit: { action: string; entityId: string; newValue: unknown };
}

/**
 * Every change to the stored NSE calendar (admin only, audited in the same transaction): a
 * holiday or a special/muhurat session added or removed for one date, a year's holiday list
 * entered (which confirms the year and moves the horizon), or NSE's CSV imported (all or
 * nothing). The new state is validated by building the calendar before anything is written;
 * the process's calendar is rebuilt right after the commit. Throws AppException
 * VALIDATION_FAILED (a rule of the calendar), NOT_FOUND (nothing to remove), and
 * CalendarImportRejected for a bad file.
 */
@Injectable()
export class CalendarEditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CalendarStore,
    private readonly audit: AuditService,
  ) {}

  addHoliday(date: string, name: string): Promise<CalendarYearResponse> {
    const o: CalendarDayOverride = { date, kind: 'HOLIDAY', name: name.trim() };
    return this.apply(async () => ({ dates: new Map([[date, o]]), source: 'MANUAL', audit: { action: 'calendar.holiday.add', entityId: date, newValue: o } }), date);
  }

  removeHoliday(date: string): Promise<CalendarYearResponse> {
    return this.apply(async (overrides) => {
      const now = applyCalendarOverrides(SHIPPED_CALENDAR, overrides);
      if (!now.holidays.some((h) => h.date === date)) throw new AppException('NOT_FOUND', `${date} is not a holiday`);
      return { dates: new Map([[date, this.revert(date, 'holiday')]]), source: 'MANUAL', audit: { action: 'calendar.holiday.remove', entityId: date, newValue: null } };
    }, date);
  }

  putSession(date: string, input: SessionInput): Promise<CalendarYearResponse> {
    const o: CalendarDayOverride = { date, kind: input.kind, name: input.name.trim(), open: input.open, close: input.close };
    return this.apply(async () => ({ dates: new Map([[date, o]]), source: 'MANUAL', audit: { action: 'calendar.session.put', entityId: date, newValue: o } }), date);
  }

  removeSession(date: string): Promise<CalendarYearResponse> {
    return this.apply(async (overrides) => {
      const now = applyCalendarOverrides(SHIPPED_CALENDAR, overrides);
      if (!now.specialSessions[date]) throw new AppException('NOT_FOUND', `${date} has no special session`);
      return { dates: new Map([[date, this.revert(date, 'session')]]), source: 'MANUAL', audit: { action: 'calendar.session.remove', entityId: date, newValue: null } };
    }, date);
  }

  /** Replaces `year`'s holidays with `holidays` and confirms the year. */
  replaceYear(year: number, holidays: readonly CalendarHolidayInput[], source: CalendarEntrySource = 'MANUAL'): Promise<CalendarYearResponse> {
    return this.apply(async (overrides) => {
      const next = replaceYearHolidays({ year, holidays: holidays.map((h) => ({ date: h.date, name: h.name.trim() })), seed: SHIPPED_CALENDAR, overrides });
      const dates = new Map<string, CalendarDayOverride | null>();
      for (const o of overrides) dates.set(o.date, null);
      for (const o of next) dates.set(o.date, o);
      const weekdays = holidays.filter((h) => isoWeekday(h.date) <= 5).length;
      return { dates, source, confirmYear: { year, holidayCount: weekdays }, audit: { action: source === 'CSV' ? 'calendar.year.import' : 'calendar.year.replace', entityId: String(year), newValue: { year, holidays } } };
    }, `${year}-01-01`);
  }

  /**
   * Withdraws a year's confirmation (a list entered by mistake): the year is assumed again, so
   * new entries on its days are refused until a list is entered; its entered holidays stay.
   * NOT_FOUND when the year was not entered (the shipped years cannot be withdrawn).
   */
  async unconfirmYear(year: number): Promise<CalendarYearResponse> {
    await inTransaction(this.dataSource, async (m) => {
      const row = await m.findOne(CalendarYear, { where: { year } });
      if (!row) throw new AppException('NOT_FOUND', `${year} was not entered (a shipped year cannot be withdrawn)`);
      await m.delete(CalendarYear, { id: row.id });
      await this.audit.record({ action: 'calendar.year.withdraw', entity: 'calendar', entityId: String(year), oldValue: { year, source: row.source, holidayCount: row.holidayCount } }, m);
    });
    await this.store.reload();
    return yearView(year, this.store.stored, this.store.calendar);
  }

  /** Imports NSE's holiday CSV for one year (all or nothing) and confirms that year. */
  async importCsv(csv: string, expectedYear?: number): Promise<CalendarImportResponse> {
    const parsed = parseNseHolidayCsv(csv, expectedYear);
    if (!parsed.ok) throw new CalendarImportRejected(parsed.errors);
    const view = await this.replaceYear(parsed.year, parsed.holidays.map((h: ParsedHoliday) => ({ date: h.date, name: h.name })), 'CSV');
    return { ...view, rows: parsed.rows, weekendDates: parsed.weekendDates };
  }

  /** The override that takes a date back to the shipped table minus the holiday or session being removed. */
  private revert(date: string, what: 'holiday' | 'session'): CalendarDayOverride | null {
    const shipped = what === 'holiday' ? SHIPPED_CALENDAR.holidays.some((h) => h.date === date) : SHIPPED_CALENDAR.specialSessions[date] !== undefined;
    return shipped ? { date, kind: 'NORMAL' } : null;
  }

  private async apply(plan: (overrides: CalendarDayOverride[]) => Promise<Change>, dayOfYear: string): Promise<CalendarYearResponse> {
    await inTransaction(this.dataSource, async (m) => {
      const { rows, years } = await this.store.read(m);
      let change: Change;
      try {
        change = await plan(rows.map(overrideOf));
        const byDate = new Map(rows.map((r) => [r.calendarDate, overrideOf(r)]));
        for (const [date, o] of change.dates) {
          if (o) byDate.set(date, o);
          else byDate.delete(date);
        }
        const added = change.confirmYear ? [{ year: change.confirmYear.year } as CalendarYear] : [];
        // The calendar the change would give must build: every rule of an entry is checked here.
        calendarOf({ overrides: [...byDate.values()], years: [...years, ...added] });
      } catch (err) {
        if (err instanceof DomainError) throw new AppException('VALIDATION_FAILED', err.message);
        throw err;
      }
      await this.write(m, rows, change);
      await this.audit.record({ action: change.audit.action, entity: 'calendar', entityId: change.audit.entityId, newValue: change.audit.newValue }, m);
    });
    await this.store.reload();
    return yearView(Number(dayOfYear.slice(0, 4)), this.store.stored, this.store.calendar);
  }

  private async write(m: EntityManager, rows: CalendarOverride[], change: Change): Promise<void> {
    const existing = new Map(rows.map((r) => [r.calendarDate, r]));
    for (const [date, o] of change.dates) {
      const row = existing.get(date);
      if (!o) {
        if (row) await m.delete(CalendarOverride, { id: row.id });
        continue;
      }
      const fields = {
        calendarDate: date,
        kind: o.kind,
        name: o.kind === 'NORMAL' ? null : o.name,
        sessionOpen: o.kind === 'SPECIAL' || o.kind === 'MUHURAT' ? o.open : null,
        sessionClose: o.kind === 'SPECIAL' || o.kind === 'MUHURAT' ? o.close : null,
        source: change.source,
      };
      const same = row && JSON.stringify(overrideOf(row)) === JSON.stringify(o);
      if (row && !same) await m.update(CalendarOverride, { id: row.id }, fields);
      if (!row) await m.insert(CalendarOverride, fields);
    }
    if (change.confirmYear) {
      const by = currentRequestContext()?.principal?.username ?? 'system';
      const year = await m.findOne(CalendarYear, { where: { year: change.confirmYear.year } });
      if (year) await m.update(CalendarYear, { id: year.id }, { holidayCount: change.confirmYear.holidayCount, source: change.source, confirmedBy: by });
      else await m.insert(CalendarYear, { year: change.confirmYear.year, holidayCount: change.confirmYear.holidayCount, source: change.source, confirmedBy: by });
    }
  }
}
