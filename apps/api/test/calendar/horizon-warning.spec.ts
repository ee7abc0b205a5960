import { createDefaultNseCalendar, delegatingNseCalendar, epochMsOfIst, FixedClock, type NseCalendar } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { registerJobHandlersOf } from '../../src/jobs/job-handlers.discovery';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { CalendarHorizonWatchService } from '../../src/modules/risk/calendar/calendar-horizon-watch.service';
import { createTestDatabase, type TestDatabase } from '../db/test-database';

/** The `risk.calendar-horizon` job: one WARNING a trading day from 30 days before the horizon until the next year is entered. */
describe('the calendar horizon WARNING', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let current: NseCalendar;
  const clock = new FixedClock(epochMsOfIst('2026-11-30', '09:20'));
  const jobs = new JobHandlersRegistry();
  const run = () => jobs.handlerFor('risk.calendar-horizon')({ slot: 'x' }, { name: 'risk.calendar-horizon', jobId: 'x', attempt: 1 });
  const warnings = () => ds.getRepository(Alert).find({ where: { severity: 'WARNING' }, order: { id: 'ASC' } });

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.openMigrated();
    current = createDefaultNseCalendar();
    registerJobHandlersOf(jobs, new CalendarHorizonWatchService(clock, delegatingNseCalendar(() => current), new AlertsService(ds, new AppEventsBus())));
  });
  afterAll(async () => {
    await ds.destroy();
    await db.dispose();
  });

  it('is quiet 31 days before the horizon, then warns once each trading day', async () => {
    await run();
    expect(await warnings()).toHaveLength(0);
    for (const [date, time] of [['2026-12-01', '09:15'], ['2026-12-01', '14:00'], ['2026-12-02', '09:15'], ['2026-12-05', '10:00']]) {
      clock.set(epochMsOfIst(date, time));
      await run();
    }
    const raised = await warnings();
    expect(raised.map((a) => a.dedupKey)).toEqual(['calendar-horizon:2026-12-01', 'calendar-horizon:2026-12-02']);
    expect(raised[0]).toMatchObject({ category: 'RISK', title: 'NSE holiday calendar ends 2026-12-31', accountId: null });
    expect(raised[0].message).toContain("enter NSE's 2027 trading holidays");
    expect(raised[0].message).toContain('PUT /api/calendar/years/2027');
  });

  it('stops once the next year is entered', async () => {
    current = createDefaultNseCalendar({ confirmedYears: [2027] });
    clock.set(epochMsOfIst('2026-12-07', '09:15'));
    await run();
    expect(await warnings()).toHaveLength(2);
  });
});
