import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO, tsFiles } from './source-scan';

const API_SRC = join('apps', 'api', 'src');

/**
 * The production files allowed to build an NSE calendar, and why: everything else injects the
 * one stored calendar of the process (`NSE_CALENDAR`, the data module's `CalendarStore`).
 */
const ALLOWED = new Map<string, string>([
  [join(API_SRC, 'modules', 'data', 'calendar', 'calendar-store.service.ts'), 'the one stored calendar behind NSE_CALENDAR'],
  [join(API_SRC, 'jobs', 'jobs-calendar.ts'), 'the shipped table only in a process without the data module (the job system alone)'],
  [join(API_SRC, 'modules', 'backtests', 'runner', 'backtest-child.ts'), 'a backtest child process of its own, on the shipped history'],
]);

/** Production sources only: specs may build a calendar for their fixtures. */
function isProduction(file: string): boolean {
  return !/\.(spec|int-spec)\.ts$/.test(file);
}

/** True when the source builds a calendar of its own. */
function buildsCalendar(source: string): boolean {
  return /\bcreateDefaultNseCalendar\s*\(/.test(source);
}

describe('one NSE calendar instance in the API (issue 13)', () => {
  it('finds createDefaultNseCalendar() only in the calendar store, the job system fallback and the backtest child', () => {
    const files = tsFiles(join(REPO, API_SRC))
      .map((f) => relative(REPO, f))
      .filter(isProduction);
    expect(files.length).toBeGreaterThan(100);
    const building = files.filter((f) => buildsCalendar(readFileSync(join(REPO, f), 'utf8')));
    // Equal, not a subset: an allowed file that stops building one must leave the list too.
    expect(building.sort()).toEqual([...ALLOWED.keys()].sort());
  });

  it('recognises a calendar built in place (so the scan above can fail)', () => {
    expect(buildsCalendar(`@Optional() @Inject(NSE_CALENDAR) calendar: NseCalendar = createDefaultNseCalendar(),`)).toBe(true);
    expect(buildsCalendar(`this.calendar = calendar ?? createDefaultNseCalendar({ overrides });`)).toBe(true);
    expect(buildsCalendar(`@Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,`)).toBe(false);
  });
});
