import type { IsoDate, IstTime } from '../time/ist-date';

/** A trading window [open, close) in IST: `open` is inside, `close` is not. */
export interface SessionWindow {
  readonly open: IstTime;
  readonly close: IstTime;
}

/** What kind of session a day has: the normal F&O day, a special one, or Diwali muhurat. */
export type SessionKind = 'NORMAL' | 'SPECIAL' | 'MUHURAT';

/** A one-off session on a date that otherwise would not trade normally (weekend, Diwali). */
export interface SpecialSession extends SessionWindow {
  /** SPECIAL: a real trading day (budget weekend, DR drill); MUHURAT: a holiday with a symbolic hour. */
  readonly kind: 'SPECIAL' | 'MUHURAT';
  readonly name?: string;
  /** When the session is split (2024 DR drills), the windows that trade; they lie within [open, close). */
  readonly segments?: readonly SessionWindow[];
}

/** The session of one day as `sessionFor` returns it. */
export interface DaySession extends SessionWindow {
  readonly kind: SessionKind;
  readonly segments?: readonly SessionWindow[];
}

/** A dated rule for the normal F&O session; it applies from `effectiveFrom` until the next rule. */
export interface SessionRule extends SessionWindow {
  readonly effectiveFrom: IsoDate;
  /** The futures-only call-auction pre-open, or null where there was none. Never part of the session. */
  readonly preOpen: SessionWindow | null;
}

/**
 * A dated expiry rule of one underlying. It governs the nominal (not yet holiday-adjusted)
 * expiry days on or after `effectiveFrom`, until a later rule takes over.
 */
export interface ExpiryRule {
  readonly effectiveFrom: IsoDate;
  /** ISO weekday of the nominal expiry: 1 = Monday … 5 = Friday. */
  readonly weekday: 1 | 2 | 3 | 4 | 5;
  /** true: an expiry every week; false: only the last such weekday of each month. */
  readonly weekly: boolean;
}

/** Expiry rules per underlying symbol ('NIFTY', 'BANKNIFTY', 'FINNIFTY', 'STOCK' for single stocks). */
export type ExpiryRuleTable = Readonly<Record<string, readonly ExpiryRule[]>>;

/** Special sessions by date. */
export type SpecialSessionTable = Readonly<Record<IsoDate, SpecialSession>>;

/** Inputs of `createNseCalendar`. Lists are copied at creation: build a new calendar to change them. */
export interface NseCalendarConfig {
  /** Weekday trading holidays. */
  readonly holidays: readonly IsoDate[];
  /** Holidays announced at short notice, on top of `holidays` (an editable setting). */
  readonly extraHolidays?: readonly IsoDate[];
  /** Normal-session rules; default `NSE_FO_SESSION_RULES`. */
  readonly sessions?: readonly SessionRule[];
  /** Special and muhurat sessions; default `NSE_SPECIAL_SESSIONS`. Pass {} for none. */
  readonly specialSessions?: SpecialSessionTable;
  /** Expiry rules; default `NSE_EXPIRY_RULES`. */
  readonly expiryRules?: ExpiryRuleTable;
  /**
   * The years whose holiday lists are known. A date in another year is still answered (weekday
   * rule plus whatever holidays and sessions are listed for it) but reported UNCONFIRMED by
   * `isConfirmed`. Omitted: every date is confirmed and there is no horizon.
   */
  readonly confirmedYears?: readonly number[];
}

/** An expiry date with whether the calendar can vouch for it (see `NseCalendar.expiriesWithStatus`). */
export interface CalendarExpiry {
  readonly date: IsoDate;
  /** false when the date comes from the dated rules over days whose holidays are not known. */
  readonly confirmed: boolean;
}

/**
 * The NSE F&O calendar. Every method validates its input and throws DomainError
 * (INVALID_DATE, INVALID_TIME, INVALID_ARGUMENT). It never refuses a date for lack of data:
 *
 * CONFIRMED and ASSUMED days. A date in a confirmed year (`isConfirmed`) is answered from the
 * known holiday list. Any other date (past the `horizon`, or before the first known year) is
 * ASSUMED: weekends are closed, weekdays trade the dated normal session, and only holidays or
 * special sessions entered for it are known. Callers that protect money (monitoring, exits,
 * breakers, P&L) use the answers either way; callers that add risk (a new entry) must check
 * `isConfirmed` / `expiriesWithStatus` and refuse what is only assumed.
 *
 * Trading day: a weekday that is not a holiday, or a date with a SPECIAL session (budget
 * weekends, the 2024 special/DR sessions). A MUHURAT day is NOT a trading day: it is a
 * holiday for normal trading, day stepping and expiries; only `sessionFor`,
 * `isWithinSession` and `isMuhuratDay` see its one-hour session. Expiries fall only on
 * trading weekdays, never on a weekend special session.
 */
export interface NseCalendar {
  /**
   * The last date of the run of confirmed years that starts at the first one ('YYYY-12-31'), or
   * null when every date is confirmed. Days after it are assumed until the next year is entered.
   */
  readonly horizon: IsoDate | null;
  /** The confirmed years, ascending (empty when every date is confirmed: see `horizon`). */
  readonly confirmedYears: readonly number[];
  /** true when the holidays of `date`'s year are known; false: the answers for it are assumed. */
  isConfirmed(date: IsoDate): boolean;
  /** true on a day with a normal or SPECIAL session (see above; assumed past the horizon). */
  isTradingDay(date: IsoDate): boolean;
  /** true on a Diwali muhurat day (a holiday with a symbolic session). */
  isMuhuratDay(date: IsoDate): boolean;
  /** The day's session, or null when the exchange is shut all day. */
  sessionFor(date: IsoDate): DaySession | null;
  /** The futures-only pre-open window of a normal session day, or null (none that day). */
  preOpenFor(date: IsoDate): SessionWindow | null;
  /** true when `time` is in the day's session: open ≤ time < close (and inside a segment if split). */
  isWithinSession(date: IsoDate, time: IstTime): boolean;
  /** The last trading day strictly before `date`. */
  previousTradingDay(date: IsoDate): IsoDate;
  /** The first trading day strictly after `date`. */
  nextTradingDay(date: IsoDate): IsoDate;
  /**
   * Every expiry of `underlying` in [from, to], ascending (monthlies only where it has no
   * weeklies), from the dated rules: past the horizon these dates are assumed (see
   * `expiriesWithStatus`).
   */
  weeklyExpiries(underlying: string, from: IsoDate, to: IsoDate): IsoDate[];
  /** The same expiries as `weeklyExpiries`, each saying whether it is confirmed (its date and its nominal rule day lie in confirmed years). */
  expiriesWithStatus(underlying: string, from: IsoDate, to: IsoDate): CalendarExpiry[];
  /**
   * Whether `expiry` can be vouched for as a date of `underlying`: for a date the rules make an
   * expiry, whether it is confirmed; for any other date, whether that date is confirmed.
   */
  isConfirmedExpiry(underlying: string, expiry: IsoDate): boolean;
  /** The monthly expiry of `underlying` in 'YYYY-MM': the rolled last rule weekday of that month (assumed past the horizon). */
  monthlyExpiry(underlying: string, month: string): IsoDate;
  /** true when the calendar has expiry rules for `underlying` ('NIFTY', 'STOCK', …). */
  hasExpiryRules(underlying: string): boolean;
}
