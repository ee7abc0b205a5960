/** GET /api/calendar/status: where the NSE holiday calendar's known data ends, seen from the market's today. */
export interface CalendarStatusResponse {
  /** The market's IST date. */
  today: string;
  /** Last confirmed date ('YYYY-12-31'), or null when every date is confirmed. */
  horizon: string | null;
  /** Calendar days from today to the horizon (negative past it). */
  daysLeft: number | null;
  confirmedYears: number[];
  /** false: today is only assumed (weekday rule) and new entries are refused. */
  todayConfirmed: boolean;
  /** The year to enter next. */
  nextYear: number | null;
  /** true from 30 days before the horizon until the next year is entered. */
  warning: boolean;
  message: string;
}

/** One holiday of a year as the calendar applies it. */
export interface CalendarHolidayResponse {
  date: string;
  name: string;
  /** SHIPPED: from mCube's table; ENTERED: stored through REST, the console or a CSV import. */
  source: 'SHIPPED' | 'ENTERED';
}

/** One special or muhurat session of a year. */
export interface CalendarSessionResponse {
  date: string;
  kind: 'SPECIAL' | 'MUHURAT';
  name: string | null;
  open: string;
  close: string;
  source: 'SHIPPED' | 'ENTERED';
}

/** GET /api/calendar/years/:year (and the answer of every calendar write). */
export interface CalendarYearResponse {
  year: number;
  /** Whether the year's holiday list is known (shipped, entered or imported). */
  confirmed: boolean;
  /** For an entered year: when, by whom and how. */
  confirmation: { atMs: number; by: string; source: 'MANUAL' | 'CSV'; holidayCount: number } | null;
  holidays: CalendarHolidayResponse[];
  sessions: CalendarSessionResponse[];
  /** Shipped holidays or sessions withdrawn by an entry (the day follows the weekday rule). */
  withdrawn: string[];
}

/** POST /api/calendar/import when the whole file was taken. */
export interface CalendarImportResponse extends CalendarYearResponse {
  /** Rows read (every one validated). */
  rows: number;
  /** Listed dates on a Saturday or Sunday: valid, but they change nothing (weekends never trade). */
  weekendDates: string[];
}

/** A holiday in a request body. */
export interface CalendarHolidayInput {
  date: string;
  name: string;
}
