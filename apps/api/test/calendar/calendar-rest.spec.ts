import type { CalendarImportResponse, CalendarStatusResponse, CalendarYearResponse, ImportRejectedResponse } from '@mcube/contracts';
import { epochMsOfIst, FixedClock, type NseCalendar } from '@mcube/domain';
import { JOBS_CALENDAR } from '../../src/jobs/job-queue.port';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { CalendarOverride } from '../../src/modules/data/entities/calendar-override.entity';
import { CalendarYear } from '../../src/modules/data/entities/calendar-year.entity';
import { CalendarStore } from '../../src/modules/data/calendar/calendar-store.service';
import { NSE_CALENDAR } from '../../src/modules/data/source/market-data.tokens';
import { login, type SecurityApp, type SessionAuth, startSecurityApp } from '../security/security-app';
import { WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

// NSE's export layout (nseindia.com, "Trading Holidays", CSV).
const NSE_2027_CSV = [
  '"Sr. No","Date","Day","Description"',
  '"1","26-Jan-2027","Tuesday","Republic Day"',
  '"2","22-Mar-2027","Monday","Holi"',
  '"3","26-Mar-2027","Friday","Good Friday"',
  '"4","02-Oct-2027","Saturday","Mahatma Gandhi Jayanti"',
  '"5","24-Dec-2027","Friday","Christmas"',
].join('\r\n');

/**
 * The calendar over REST (issue 11 §1): status for every role; holidays, sessions, a year's list
 * and NSE's CSV for admins only, audited, validated, canonical dates and years in the path; an
 * entered year confirms it and the one calendar of the process (jobs, risk, market) follows.
 * Failed on main: no /api/calendar at all.
 */
describe('the calendar REST API', () => {
  const clock = new FixedClock(epochMsOfIst('2026-12-02', '10:00'));
  let s: SecurityApp;
  let admin: SessionAuth;
  let trader: SessionAuth;
  let viewer: SessionAuth;
  let calendar: NseCalendar;

  const as = (who: SessionAuth) => ({
    get: (path: string) => s.http().get(path).set('cookie', who.cookie),
    put: (path: string, body: unknown) => s.http().put(path).set('cookie', who.cookie).set('x-csrf-token', who.csrfToken).send(body as object),
    del: (path: string) => s.http().delete(path).set('cookie', who.cookie).set('x-csrf-token', who.csrfToken),
    post: (path: string, body: unknown) => s.http().post(path).set('cookie', who.cookie).set('x-csrf-token', who.csrfToken).send(body as object),
  });
  const stored = async () => ({ overrides: await s.dataSource.getRepository(CalendarOverride).count(), years: await s.dataSource.getRepository(CalendarYear).count() });

  beforeAll(async () => {
    s = await startSecurityApp({ overrides: [{ provide: WALL_CLOCK, useValue: clock }] });
    [admin, trader, viewer] = [await login(s, 'admin'), await login(s, 'trader'), await login(s, 'viewer')];
    calendar = s.app.get<NseCalendar>(NSE_CALENDAR, { strict: false });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('tells every role where the calendar ends, warning 29 days before', async () => {
    const status = (await as(viewer).get('/api/calendar/status').expect(200)).body as CalendarStatusResponse;
    expect(status).toMatchObject({ today: '2026-12-02', horizon: '2026-12-31', daysLeft: 29, todayConfirmed: true, nextYear: 2027, warning: true });
    expect(status.confirmedYears).toContain(2026);
    const y2026 = (await as(viewer).get('/api/calendar/years/2026').expect(200)).body as CalendarYearResponse;
    expect(y2026).toMatchObject({ year: 2026, confirmed: true, confirmation: null, withdrawn: [] });
    expect(y2026.holidays).toHaveLength(16);
    expect(y2026.holidays[0]).toEqual({ date: '2026-01-15', name: 'Municipal Corporation Elections in Maharashtra', source: 'SHIPPED' });
    expect(y2026.sessions).toEqual([{ date: '2026-02-01', kind: 'SPECIAL', name: 'Union Budget (Sunday)', open: '09:15', close: '15:30', source: 'SHIPPED' }]);
    expect(((await as(viewer).get('/api/calendar/years/2027').expect(200)).body as CalendarYearResponse)).toMatchObject({ confirmed: false, holidays: [] });
  });

  it('lets only admins write', async () => {
    for (const who of [trader, viewer]) {
      expect((await as(who).put('/api/calendar/holidays/2026-12-28', { name: 'x holiday' }).expect(403)).body.code).toBe('FORBIDDEN');
      await as(who).put('/api/calendar/years/2027', { holidays: [] }).expect(403);
      await as(who).post('/api/calendar/import', { csv: NSE_2027_CSV }).expect(403);
      await as(who).del('/api/calendar/sessions/2026-02-01').expect(403);
    }
    expect(await stored()).toEqual({ overrides: 0, years: 0 });
  });

  it.each([
    ['PUT', '/api/calendar/holidays/2026-12-5'],
    ['PUT', '/api/calendar/holidays/2026-02-30'],
    ['PUT', '/api/calendar/holidays/+2026-12-28'],
    ['PUT', '/api/calendar/holidays/20261228'],
    ['DELETE', '/api/calendar/holidays/2026-12-25%20'],
    ['PUT', '/api/calendar/sessions/2026-13-01'],
    ['PUT', '/api/calendar/years/+2027'],
    ['PUT', '/api/calendar/years/02027'],
    ['PUT', '/api/calendar/years/2027.0'],
    ['PUT', '/api/calendar/years/27'],
    ['GET', '/api/calendar/years/1999'],
  ])('answers %s %s with 400 and changes nothing', async (method, path) => {
    const a = as(admin);
    const res = method === 'GET' ? await a.get(path) : method === 'DELETE' ? await a.del(path) : await a.put(path, path.includes('years') ? { holidays: [] } : { name: 'A holiday' });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await stored()).toEqual({ overrides: 0, years: 0 });
  });

  it('refuses bad bodies and rule-breaking entries with 400, writing nothing', async () => {
    const a = as(admin);
    await a.put('/api/calendar/holidays/2026-12-28', { name: 'A holiday', extra: 1 }).expect(400);
    await a.put('/api/calendar/holidays/2026-12-28', { name: 'Bad\u202Ename' }).expect(400);
    expect((await a.put('/api/calendar/holidays/2026-12-26', { name: 'Saturday' }).expect(400)).body.message).toContain('weekend');
    await a.put('/api/calendar/sessions/2026-11-08', { kind: 'MUHURAT', name: 'Diwali', open: '19:00', close: '18:00' }).expect(400);
    await a.put('/api/calendar/sessions/2026-11-08', { kind: 'CLOSED', name: 'Diwali', open: '18:00', close: '19:00' }).expect(400);
    await a.put('/api/calendar/years/2027', { holidays: [{ date: '2026-12-25', name: 'Christmas' }] }).expect(400);
    await a.put('/api/calendar/years/2027', { holidays: [] }).expect(400);
    await a.put('/api/calendar/years/2027', { holidays: [{ date: '2027-01-26', name: 'A' }, { date: '2027-01-26', name: 'B holiday' }] }).expect(400);
    expect((await a.del('/api/calendar/holidays/2026-12-28').expect(404)).body.code).toBe('NOT_FOUND');
    expect(await stored()).toEqual({ overrides: 0, years: 0 });
    expect(calendar.isTradingDay('2026-12-28')).toBe(true);
  });

  it('adds and removes a holiday (audited), and the one calendar of the process follows at once', async () => {
    const a = as(admin);
    const added = (await a.put('/api/calendar/holidays/2026-12-28', { name: 'Short-notice holiday' }).expect(200)).body as CalendarYearResponse;
    expect(added.holidays.find((h) => h.date === '2026-12-28')).toEqual({ date: '2026-12-28', name: 'Short-notice holiday', source: 'ENTERED' });
    expect(calendar.isTradingDay('2026-12-28')).toBe(false);
    expect(s.app.get<NseCalendar>(JOBS_CALENDAR, { strict: false }).isTradingDay('2026-12-28')).toBe(false);
    expect(calendar.weeklyExpiries('NIFTY', '2026-12-27', '2026-12-31')).toEqual(['2026-12-29']);

    const withdrawn = (await a.del('/api/calendar/holidays/2026-12-25').expect(200)).body as CalendarYearResponse;
    expect(withdrawn.withdrawn).toEqual(['2026-12-25']);
    expect(calendar.isTradingDay('2026-12-25')).toBe(true);
    await a.del('/api/calendar/holidays/2026-12-28').expect(200);
    expect(calendar.isTradingDay('2026-12-28')).toBe(true);
    await a.put('/api/calendar/holidays/2026-12-25', { name: 'Christmas' }).expect(200);
    expect(calendar.isTradingDay('2026-12-25')).toBe(false);

    const audit = await s.dataSource.getRepository(AuditLogEntity).find({ where: { entity: 'calendar' }, order: { id: 'ASC' } });
    expect(audit.map((r) => [r.action, r.entityId, r.actor])).toEqual([
      ['calendar.holiday.add', '2026-12-28', 'admin'],
      ['calendar.holiday.remove', '2026-12-25', 'admin'],
      ['calendar.holiday.remove', '2026-12-28', 'admin'],
      ['calendar.holiday.add', '2026-12-25', 'admin'],
    ]);
  });

  it('adds a muhurat session with its hours and removes it', async () => {
    const a = as(admin);
    const y = (await a.put('/api/calendar/sessions/2026-11-08', { kind: 'MUHURAT', name: 'Diwali Laxmi Pujan muhurat trading', open: '18:00', close: '19:00' }).expect(200)).body as CalendarYearResponse;
    expect(y.sessions).toContainEqual({ date: '2026-11-08', kind: 'MUHURAT', name: 'Diwali Laxmi Pujan muhurat trading', open: '18:00', close: '19:00', source: 'ENTERED' });
    expect(calendar.isWithinSession('2026-11-08', '18:30')).toBe(true);
    await a.del('/api/calendar/sessions/2026-11-08').expect(200);
    expect(calendar.sessionFor('2026-11-08')).toBeNull();
    await a.del('/api/calendar/sessions/2026-11-08').expect(404);
  });

  it('rejects a bad NSE file as a whole with every bad line (422), then imports the good one and moves the horizon', async () => {
    const a = as(admin);
    const bad = NSE_2027_CSV.replace('"Tuesday","Republic Day"', '"Monday","Republic Day"').replace('22-Mar-2027', '31-Feb-2027');
    const rejected = (await a.post('/api/calendar/import', { csv: bad }).expect(422)).body as ImportRejectedResponse;
    expect(rejected.code).toBe('IMPORT_REJECTED');
    expect(rejected.errors).toEqual([
      { line: 2, reason: '2027-01-26 is a Tuesday, not a Monday' },
      { line: 3, reason: '"31-Feb-2027" is not a date (expected e.g. 26-Jan-2027)' },
    ]);
    await a.post('/api/calendar/import', { csv: NSE_2027_CSV, year: 2028 }).expect(422);
    expect(await s.dataSource.getRepository(CalendarYear).count()).toBe(0);
    expect(calendar.horizon).toBe('2026-12-31');

    const imported = (await a.post('/api/calendar/import', { csv: NSE_2027_CSV, year: 2027 }).expect(201)).body as CalendarImportResponse;
    expect(imported).toMatchObject({ year: 2027, confirmed: true, rows: 5, weekendDates: ['2027-10-02'], confirmation: { by: 'admin', source: 'CSV', holidayCount: 4 } });
    expect(imported.holidays.map((h) => h.date)).toEqual(['2027-01-26', '2027-03-22', '2027-03-26', '2027-12-24']);
    expect(calendar.horizon).toBe('2027-12-31');
    expect(calendar.isConfirmed('2027-03-01')).toBe(true);
    expect(calendar.monthlyExpiry('NIFTY', '2027-01')).toBe('2027-01-25');
    const status = (await as(viewer).get('/api/calendar/status').expect(200)).body as CalendarStatusResponse;
    expect(status).toMatchObject({ horizon: '2027-12-31', warning: false });
  });

  it('enters a year\'s list by hand, which confirms that year too and replaces an earlier list', async () => {
    const a = as(admin);
    await a.put('/api/calendar/years/2028', { holidays: [{ date: '2028-01-26', name: 'Republic Day' }, { date: '2028-03-10', name: 'Holi' }] }).expect(200);
    const y = (await a.put('/api/calendar/years/2028', { holidays: [{ date: '2028-01-26', name: 'Republic Day' }] }).expect(200)).body as CalendarYearResponse;
    expect(y).toMatchObject({ year: 2028, confirmed: true, confirmation: { source: 'MANUAL', holidayCount: 1 } });
    expect(y.holidays).toEqual([{ date: '2028-01-26', name: 'Republic Day', source: 'ENTERED' }]);
    expect(calendar.isTradingDay('2028-03-10')).toBe(true);
    expect(calendar.horizon).toBe('2028-12-31');
    const actions = (await s.dataSource.getRepository(AuditLogEntity).find({ where: { entity: 'calendar' } })).map((r) => r.action);
    expect(actions.filter((x) => x.startsWith('calendar.year'))).toEqual(['calendar.year.import', 'calendar.year.replace', 'calendar.year.replace']);
  });

  it('withdraws an entered year (the horizon moves back, its holidays stay), never a shipped one', async () => {
    const a = as(admin);
    await as(trader).del('/api/calendar/years/2028').expect(403);
    const y = (await a.del('/api/calendar/years/2028').expect(200)).body as CalendarYearResponse;
    expect(y).toMatchObject({ year: 2028, confirmed: false, confirmation: null, holidays: [{ date: '2028-01-26', name: 'Republic Day', source: 'ENTERED' }] });
    expect(calendar.horizon).toBe('2027-12-31');
    expect(calendar.isConfirmed('2028-06-05')).toBe(false);
    expect((await a.del('/api/calendar/years/2028').expect(404)).body.code).toBe('NOT_FOUND');
    await a.del('/api/calendar/years/2026').expect(404);
    const last = await s.dataSource.getRepository(AuditLogEntity).findOne({ where: { entity: 'calendar' }, order: { id: 'DESC' } });
    expect(last).toMatchObject({ action: 'calendar.year.withdraw', entityId: '2028' });
  });

  it('picks up an edit made by another process on its next reload', async () => {
    await s.dataSource.getRepository(CalendarOverride).insert({ calendarDate: '2027-06-07', kind: 'HOLIDAY', name: 'Entered elsewhere', sessionOpen: null, sessionClose: null, source: 'MANUAL' });
    expect(calendar.isTradingDay('2027-06-07')).toBe(true);
    await s.app.get(CalendarStore, { strict: false }).reload();
    expect(calendar.isTradingDay('2027-06-07')).toBe(false);
  });
});
