import { addDays, assertIsoDate, compareDates, DomainError, isoWeekday, type EconomicEvent, type IsoDate } from '@mcube/domain';
import type { Prng } from './prng';

const pad = (n: number): string => String(n).padStart(2, '0');
const dateOf = (year: number, month: number, day: number): IsoDate => `${year}-${pad(month)}-${pad(day)}`;

function nextWeekday(date: IsoDate): IsoDate {
  let d = date;
  while (isoWeekday(d) >= 6) d = addDays(d, 1);
  return d;
}

// RBI MPC decisions fall in the first or second week of these months; FOMC in these months.
const RBI_MONTHS = [2, 4, 6, 8, 10, 12];
const FOMC_MONTHS = [1, 3, 5, 6, 7, 9, 11, 12];

/**
 * Seeded economic events of one year: Union Budget (1 Feb, 11:00), six RBI policy decisions
 * (10:00), monthly India CPI (12th, 16:00) and US CPI, eight FOMC decisions (23:30 IST).
 * Dates are plausible, not the real ones: edit them through `EventsCalendar`.
 */
export function seededEvents(year: number, prng: Prng): EconomicEvent[] {
  const events: EconomicEvent[] = [];
  const add = (e: Omit<EconomicEvent, 'id'>) => events.push({ id: `${e.kind}-${e.date}`, ...e });
  add({ date: dateOf(year, 2, 1), time: '11:00', kind: 'UNION_BUDGET', title: 'Union Budget', country: 'IN', impact: 'HIGH' });
  for (const m of RBI_MONTHS) {
    add({ date: nextWeekday(dateOf(year, m, 4 + Math.floor(prng.uniform() * 6))), time: '10:00', kind: 'RBI_POLICY', title: 'RBI monetary policy decision', country: 'IN', impact: 'HIGH' });
  }
  for (let m = 1; m <= 12; m++) {
    add({ date: nextWeekday(dateOf(year, m, 12)), time: '16:00', kind: 'INDIA_CPI', title: 'India CPI inflation', country: 'IN', impact: 'MEDIUM' });
    add({ date: nextWeekday(dateOf(year, m, 10 + Math.floor(prng.uniform() * 5))), time: '18:00', kind: 'US_CPI', title: 'US CPI inflation', country: 'US', impact: 'MEDIUM' });
  }
  for (const m of FOMC_MONTHS) {
    add({ date: nextWeekday(dateOf(year, m, 14 + Math.floor(prng.uniform() * 14))), time: '23:30', kind: 'FED_POLICY', title: 'US Federal Reserve (FOMC) decision', country: 'US', impact: 'HIGH' });
  }
  return events.sort((a, b) => compareDates(a.date, b.date));
}

/**
 * An editable list of economic events: seeded per year on first use, then added to, removed
 * from or replaced by the user. `between` returns events in date (then time) order.
 */
export class EventsCalendar {
  private readonly events = new Map<string, EconomicEvent>();
  private readonly seededYears = new Set<number>();

  constructor(
    private readonly prng: Prng | null,
    initial: readonly EconomicEvent[] = [],
  ) {
    for (const e of initial) this.add(e);
  }

  /** Events with from ≤ date ≤ to. Throws INVALID_DATE on bad dates. */
  between(from: IsoDate, to: IsoDate): EconomicEvent[] {
    assertIsoDate(from);
    assertIsoDate(to);
    if (this.prng) for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) this.seedYear(y);
    return [...this.events.values()]
      .filter((e) => compareDates(e.date, from) >= 0 && compareDates(e.date, to) <= 0)
      .sort((a, b) => compareDates(a.date, b.date) || (a.time ?? '').localeCompare(b.time ?? '') || a.id.localeCompare(b.id));
  }

  /** Adds or replaces (same id) an event. Throws INVALID_DATE / INVALID_ARGUMENT on a bad event. */
  add(event: EconomicEvent): void {
    assertIsoDate(event.date);
    if (!event.id || !event.title) throw new DomainError('INVALID_ARGUMENT', 'an event needs an id and a title', { event });
    this.seedYear(Number(event.date.slice(0, 4)));
    this.events.set(event.id, event);
  }

  /** Removes an event by id; returns whether it existed. */
  remove(id: string): boolean {
    return this.events.delete(id);
  }

  private seedYear(year: number): void {
    if (!this.prng || this.seededYears.has(year)) return;
    this.seededYears.add(year);
    for (const e of seededEvents(year, this.prng.fork(`events-${year}`))) if (!this.events.has(e.id)) this.events.set(e.id, e);
  }
}
