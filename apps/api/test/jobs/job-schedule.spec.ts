import { createDefaultNseCalendar, epochMsOfIst, istDateTimeOf, secondsOfDay } from '@mcube/domain';
import { InProcessJobQueue } from '../../src/jobs/in-process-job-queue';
import type { JobName } from '../../src/jobs/job-registry';
import { dueJobs, JOB_SCHEDULE } from '../../src/jobs/job-schedule';
import { ScheduleTicker } from '../../src/jobs/schedule-ticker';
import { makeDriver, settled, type DriverUnderTest, type RecordedRun } from './job-test-kit';

const calendar = createDefaultNseCalendar();
const MONDAY = '2026-11-23';
const HOLIDAY = '2026-11-24'; // NSE holiday (DECISIONS.md §2)
const FRIDAY = '2026-11-27';
const SATURDAY = '2026-11-28';

/** Steps a fixed clock through one IST day (08:30:03 to 17:30, 5 s apart), ticking the schedule each step. */
async function runDay(d: DriverUnderTest, date: string): Promise<RecordedRun[]> {
  const queue = d.queue as InProcessJobQueue;
  const ticker = new ScheduleTicker(queue, d.clock, calendar, 0);
  const from = d.runs.length;
  d.clock.set(epochMsOfIst(date, '08:30:03'));
  const end = epochMsOfIst(date, '17:30:00');
  while (d.clock.nowMs() < end) {
    await ticker.tick();
    await queue.onIdle();
    d.clock.advance(5000);
  }
  return d.runs.slice(from);
}

const only = (runs: RecordedRun[], name: JobName) => runs.filter((r) => r.name === name);
const istTime = (ms: number) => istDateTimeOf(ms).time;

describe('IST schedule on the in-process driver, fixed clock stepped 5 s', () => {
  let d: DriverUnderTest;
  let monday: RecordedRun[];
  let holiday: RecordedRun[];
  let friday: RecordedRun[];
  let saturday: RecordedRun[];

  beforeAll(async () => {
    d = await makeDriver('in-process', { startMs: epochMsOfIst(MONDAY, '00:00:00') });
    await d.queue.startProcessing();
    monday = await runDay(d, MONDAY);
    holiday = await runDay(d, HOLIDAY);
    friday = await runDay(d, FRIDAY);
    saturday = await runDay(d, SATURDAY);
  }, 60_000);

  afterAll(() => d.close());

  it('fires the strangle entry evaluation once at 10:00 IST on a trading day', () => {
    const entry = only(monday, 'strategy.kotak.evaluate-entry');
    expect(entry).toHaveLength(1);
    expect(entry[0].payload).toEqual({ slot: `${MONDAY}T10:00:00` });
    expect(istTime(entry[0].atMs) >= '10:00:00' && istTime(entry[0].atMs) <= '10:00:05').toBe(true);
  });

  it('fires the exit check once at 15:15 IST, and the report and learning update after the close', () => {
    const exit = only(monday, 'strategy.kotak.exit-check');
    expect(exit.map((r) => r.payload)).toEqual([{ slot: `${MONDAY}T15:15:00` }]);
    expect(istTime(exit[0].atMs) >= '15:15:00' && istTime(exit[0].atMs) <= '15:15:05').toBe(true);
    const session = calendar.sessionFor(MONDAY);
    const ownSlot = (name: JobName) => only(monday, name).filter((r) => (r.payload as { slot: string }).slot.startsWith(MONDAY));
    expect(ownSlot('analytics.daily-report').map((r) => istTime(r.atMs) > (session?.close ?? '99') && istTime(r.atMs) >= '16:00:00')).toEqual([true]);
    expect(ownSlot('analytics.learning-update').map((r) => istTime(r.atMs) >= '16:30:00')).toEqual([true]);
  });

  it('catches up, at the first tick, the after-close jobs the previous trading day still owed', () => {
    // The run starts on Monday morning: Friday 2026-11-20's report and learning update never ran.
    const owed = monday.filter((r) => (r.payload as { slot: string }).slot.startsWith('2026-11-20'));
    expect(owed.map((r) => [r.name, (r.payload as { slot: string }).slot, istTime(r.atMs)])).toEqual([
      ['analytics.daily-report', '2026-11-20T16:00:00', '08:30:03'],
      ['analytics.learning-update', '2026-11-20T16:30:00', '08:30:03'],
    ]);
  });

  it('runs each periodic job once per slot of the session, and never outside it', () => {
    const session = calendar.sessionFor(MONDAY);
    if (!session) throw new Error('2026-11-23 must be a trading day');
    const sessionSeconds = secondsOfDay(session.close) - secondsOfDay(session.open);
    const expected: Array<[JobName, number]> = [
      ['market-data.snapshot', 60],
      ['market-data.option-chain', 300],
      ['positions.monitor', 5],
      ['positions.pnl', 10],
      ['risk.limits', 60],
      ['risk.circuit-breakers', 30],
    ];
    for (const [name, every] of expected) {
      const runs = only(monday, name);
      expect({ name, count: runs.length }).toEqual({ name, count: sessionSeconds / every });
      expect(new Set(runs.map((r) => r.jobId)).size).toBe(runs.length);
      for (const r of runs) expect(calendar.isWithinSession(MONDAY, istTime(r.atMs))).toBe(true);
    }
  });

  it('runs nothing on an NSE holiday (2026-11-24) or on a Saturday', () => {
    expect(holiday).toEqual([]);
    expect(saturday).toEqual([]);
  });

  it('runs the entry evaluation and exit check again on the next trading day, with that day\'s slots', () => {
    expect(only(friday, 'strategy.kotak.evaluate-entry').map((r) => r.payload)).toEqual([{ slot: `${FRIDAY}T10:00:00` }]);
    expect(only(friday, 'strategy.kotak.exit-check').map((r) => r.payload)).toEqual([{ slot: `${FRIDAY}T15:15:00` }]);
  });
});

describe('dueJobs', () => {
  // Jobs of that day's own slots (the after-close catch-up of the previous day is tested apart).
  const due = (date: string, time: string) =>
    dueJobs(epochMsOfIst(date, time), calendar)
      .filter((j) => j.payload.slot.startsWith(date))
      .map((j) => j.name);

  it('still evaluates the entry when the ticker starts late inside the entry window, not after it closes', () => {
    expect(due(MONDAY, '09:59:59')).not.toContain('strategy.kotak.evaluate-entry');
    expect(due(MONDAY, '10:45:00')).toContain('strategy.kotak.evaluate-entry');
    expect(due(MONDAY, '11:30:01')).not.toContain('strategy.kotak.evaluate-entry');
  });

  it('keeps the exit check due until 15:30 and drops it afterwards', () => {
    expect(due(MONDAY, '15:29:59')).toContain('strategy.kotak.exit-check');
    expect(due(MONDAY, '15:30:01')).not.toContain('strategy.kotak.exit-check');
  });

  it('runs the live brokers\' login at 08:30 and the scrip master at 08:45, before the open (each due until 09:14:59)', () => {
    expect(due(MONDAY, '08:29:59')).toEqual([]);
    expect(due(MONDAY, '08:30:00')).toEqual(['brokers.login']);
    expect(due(MONDAY, '08:45:00')).toEqual(['brokers.login', 'instruments.refresh', 'brokers.icici-session-warning']);
    expect(due(MONDAY, '09:09:59')).toEqual(['brokers.login', 'instruments.refresh', 'brokers.icici-session-warning']);
    expect(due(MONDAY, '09:14:59')).toEqual(['brokers.login', 'instruments.refresh', 'brokers.icici-session-critical']);
    expect(due(MONDAY, '09:15:00')).not.toContain('brokers.login');
    expect(due(MONDAY, '09:20:00')).toContain('brokers.reconcile');
    expect(due(MONDAY, '11:29:59')).toContain('brokers.icici-session-critical');
    expect(due(MONDAY, '11:30:00')).not.toContain('brokers.icici-session-critical');
  });

  it('has no session job before the open or at the close', () => {
    expect(due(MONDAY, '09:14:59').filter((n) => !['brokers.login', 'instruments.refresh', 'brokers.icici-session-critical'].includes(n))).toEqual([]);
    expect(due(MONDAY, '09:15:00')).toEqual(expect.arrayContaining(['positions.monitor', 'market-data.snapshot', 'market-data.option-chain']));
    const close = calendar.sessionFor(MONDAY)?.close as string;
    expect(due(MONDAY, close)).toEqual([]);
  });

  it('owes the after-close jobs of a day until the next trading day closes (a night skipped by the clock)', () => {
    // 2026-11-23 was a Monday: the next trading day is Wednesday 11-25 (11-24 is a holiday).
    const owed = (date: string, time: string) =>
      dueJobs(epochMsOfIst(date, time), calendar)
        .filter((j) => j.name === 'analytics.daily-report')
        .map((j) => j.payload.slot);
    expect(owed(MONDAY, '15:59:59')).toEqual([]);
    expect(owed(MONDAY, '16:00:00')).toEqual([`${MONDAY}T16:00:00`]);
    expect(owed('2026-11-25', '09:15:00')).toEqual([`${MONDAY}T16:00:00`]);
    const wednesdayClose = calendar.sessionFor('2026-11-25')?.close as string;
    expect(owed('2026-11-25', wednesdayClose)).toEqual([]);
    expect(owed('2026-11-28', '12:00:00')).toEqual([`${FRIDAY}T16:00:00`]);
  });

  it('lists every scheduled job on a trading day and none on a holiday at the same time', () => {
    // The ICICI session-key CRITICAL stays due until 11:29:59 (a late start still raises it).
    const dueAtTen = JOB_SCHEDULE.filter((e) => e.everySeconds !== undefined || e.at === '10:00' || (e.at === '09:15' && e.toleranceSeconds !== undefined) || e.job === 'brokers.icici-session-critical');
    expect(due(MONDAY, '10:00:00').sort()).toEqual(dueAtTen.map((e) => e.job).sort());
    expect(due(HOLIDAY, '10:00:00')).toEqual([]);
  });
});

describe('IST schedule on BullMQ', () => {
  it('enqueues and runs the 10:00 entry evaluation on a trading day and nothing on the holiday', async () => {
    const d = await makeDriver('bullmq', { startMs: epochMsOfIst(MONDAY, '00:00:00') });
    try {
      await d.queue.startProcessing();
      const ticker = new ScheduleTicker(d.queue, d.clock, calendar, 0);
      d.clock.set(epochMsOfIst(HOLIDAY, '10:00:03'));
      // Only Monday's after-close jobs are still owed on the holiday; nothing of the day itself.
      expect((await ticker.tick()).map((r) => r.jobId).filter((id) => !id.includes('@2026-11-23T'))).toEqual([]);
      d.clock.set(epochMsOfIst('2026-11-25', '10:00:03'));
      const results = await ticker.tick();
      const entry = results.find((r) => r.jobId.startsWith('strategy.kotak.evaluate-entry@'));
      expect(entry?.jobId).toBe('strategy.kotak.evaluate-entry@2026-11-25T10.00.00');
      expect((await settled(d.queue, entry?.jobId as string)).state).toBe('completed');
      // A second tick in the same slot (or on another worker) adds nothing new.
      expect((await ticker.tick()).every((r) => r.duplicate)).toBe(true);
      expect(only(d.runs, 'strategy.kotak.evaluate-entry').map((r) => r.payload)).toEqual([{ slot: '2026-11-25T10:00:00' }]);
    } finally {
      await d.close();
    }
  });
});

// Failed on main: dueJobs threw UNKNOWN_DATE past 2026-12-31, so the ticker skipped every tick
// (no monitoring, breakers, P&L or exits) from 2027-01-01.
describe('the schedule past the calendar horizon', () => {
  it.each(['2027-03-01', '2028-06-05'])('runs monitoring, breakers, P&L and the exit check on the assumed session of %s', (day) => {
    const due = (time: string) => dueJobs(epochMsOfIst(day, time), calendar).map((j) => j.name);
    expect(due('10:00:00')).toEqual(expect.arrayContaining(['positions.monitor', 'positions.pnl', 'risk.circuit-breakers', 'risk.limits', 'risk.calendar-horizon']));
    expect(due('15:15:00')).toContain('strategy.kotak.exit-check');
    expect(due('09:14:59')).not.toContain('positions.monitor');
    // Saturday: only Friday's after-close jobs are still owed.
    expect(dueJobs(epochMsOfIst('2027-03-06', '10:00'), calendar).map((j) => j.name)).toEqual(['analytics.daily-report', 'analytics.learning-update']);
  });

  it('raises the horizon check once a trading day, due through the session', () => {
    const slots = (time: string) => dueJobs(epochMsOfIst('2027-03-01', time), calendar).filter((j) => j.name === 'risk.calendar-horizon').map((j) => j.payload.slot);
    expect(slots('09:15:00')).toEqual(['2027-03-01T09:15:00']);
    expect(slots('15:29:59')).toEqual(['2027-03-01T09:15:00']);
    expect(slots('15:30:00')).toEqual([]);
  });
});
