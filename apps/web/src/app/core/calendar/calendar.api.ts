import { inject, Injectable } from '@angular/core';
import type { CalendarHolidayInput, CalendarImportResponse, CalendarStatusResponse, CalendarYearResponse } from '@mcube/contracts';
import { ApiClient } from '../api/api-client';

/** The NSE holiday calendar: its horizon, a year's holidays and sessions, and (admins) their edits. */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly api = inject(ApiClient);

  status(): Promise<CalendarStatusResponse> {
    return this.api.get<CalendarStatusResponse>('/calendar/status');
  }

  year(year: number): Promise<CalendarYearResponse> {
    return this.api.get<CalendarYearResponse>(`/calendar/years/${year}`);
  }

  addHoliday(date: string, name: string): Promise<CalendarYearResponse> {
    return this.api.put<CalendarYearResponse>(`/calendar/holidays/${date}`, { name });
  }

  removeHoliday(date: string): Promise<CalendarYearResponse> {
    return this.api.deleteWithBody<CalendarYearResponse>(`/calendar/holidays/${date}`);
  }

  putSession(date: string, session: { kind: 'SPECIAL' | 'MUHURAT'; name: string; open: string; close: string }): Promise<CalendarYearResponse> {
    return this.api.put<CalendarYearResponse>(`/calendar/sessions/${date}`, session);
  }

  removeSession(date: string): Promise<CalendarYearResponse> {
    return this.api.deleteWithBody<CalendarYearResponse>(`/calendar/sessions/${date}`);
  }

  /** Replaces the year's holidays with `holidays` and confirms the year. */
  putYear(year: number, holidays: CalendarHolidayInput[]): Promise<CalendarYearResponse> {
    return this.api.put<CalendarYearResponse>(`/calendar/years/${year}`, { holidays });
  }

  /** Imports NSE's "trading holidays" CSV (all or nothing); rejects with every bad line. */
  importCsv(csv: string, year?: number): Promise<CalendarImportResponse> {
    return this.api.post<CalendarImportResponse>('/calendar/import', year === undefined ? { csv } : { csv, year });
  }
}
