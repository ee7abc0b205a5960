import { epochMsOfIst, istDateTimeOf, secondsOfDay, type IsoDate, type IstTime, type NseCalendar } from '@mcube/domain';
import type { ScheduledJobName, SlotPayload } from './job-registry';

/**
 * One line of the schedule (plan Phase 5 as amended by DECISIONS.md), trading days only.
 * - `everySeconds`: in session, on slots aligned to IST midnight; only the current slot is due.
 * - `at` + `toleranceSeconds`: once a day, due from its time for that long (a late start).
 * - `at` + `untilNextClose`: once a day after the close, due until the next trading day's
 *   session closes, so a night the process (or an accelerated session-only market clock)
 *   skips still gets its report, the next morning.
 */
export type ScheduleEntry =
  | { job: ScheduledJobName; everySeconds: number; at?: undefined }
  | { job: ScheduledJobName; at: IstTime; toleranceSeconds: number; untilNextClose?: undefined; everySeconds?: undefined }
  | { job: ScheduledJobName; at: IstTime; untilNextClose: true; toleranceSeconds?: undefined; everySeconds?: undefined };

/** The IST schedule of mCube. */
export const JOB_SCHEDULE: readonly ScheduleEntry[] = [
  { job: 'market-data.snapshot', everySeconds: 60 },
  { job: 'market-data.option-chain', everySeconds: 300 },
  { job: 'positions.monitor', everySeconds: 5 },
  { job: 'positions.pnl', everySeconds: 10 },
  { job: 'risk.limits', everySeconds: 60 },
  { job: 'risk.circuit-breakers', everySeconds: 30 },
  // The calendar horizon WARNING, once a trading day; due until 15:29:59, inside every dated session (a late start still raises it).
  { job: 'risk.calendar-horizon', at: '09:15', toleranceSeconds: 22_499 },
  // Entry window 09:15–11:30 (DECISIONS §1): a late start still evaluates until it closes.
  { job: 'strategy.kotak.evaluate-entry', at: '10:00', toleranceSeconds: 90 * 60 },
  // Until 15:30 (the session closes at 15:30, or 15:40 from 2026-08-03): the EOD check must run in session.
  { job: 'strategy.kotak.exit-check', at: '15:15', toleranceSeconds: 15 * 60 },
  // Live brokers (issue 14): the daily login before the open (due until 09:14:59; later, the first order of the day logs in), the scrip master at 08:45, reconciliation every 5 minutes in session.
  { job: 'brokers.login', at: '08:30', toleranceSeconds: 45 * 60 - 1 },
  { job: 'instruments.refresh', at: '08:45', toleranceSeconds: 30 * 60 - 1 },
  { job: 'brokers.reconcile', everySeconds: 300 },
  // ICICI screen: the strategy screens once per 30-minute slot from 09:30 to 11:30 (stored times); every 5 minutes a late start still catches its slot.
  { job: 'strategy.icici.screen', everySeconds: 300 },
  { job: 'strategy.icici.exit-check', at: '15:15', toleranceSeconds: 15 * 60 },
  // Stale approval requests expire (market time) even when nobody looks at the queue.
  { job: 'approvals.expire', everySeconds: 60 },
  // ICICI (issue 15): no session key entered by 08:45 → WARNING (due until 09:09:59), by 09:10 → CRITICAL (due until 11:29:59, the end of the entry window: a late start still says so).
  { job: 'brokers.icici-session-warning', at: '08:45', toleranceSeconds: 25 * 60 - 1 },
  { job: 'brokers.icici-session-critical', at: '09:10', toleranceSeconds: 2 * 3600 + 20 * 60 - 1 },
  { job: 'analytics.daily-report', at: '16:00', untilNextClose: true },
  // "After close": once the report is out.
  { job: 'analytics.learning-update', at: '16:30', untilNextClose: true },
];

/** A scheduled job due now. */
export interface DueJob {
  name: ScheduledJobName;
  payload: SlotPayload;
}

function hms(seconds: number): IstTime {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

/** Whether the `at` slot of `entry` on `date` is due at `nowMs` (`slackMs` more for a busy queue). */
function dailySlotDue(entry: Extract<ScheduleEntry, { at: IstTime }>, date: IsoDate, nowMs: number, calendar: NseCalendar, slackMs = 0): boolean {
  if (!calendar.isTradingDay(date)) return false;
  const slotMs = epochMsOfIst(date, entry.at);
  if (nowMs < slotMs) return false;
  if (entry.untilNextClose) {
    const next = calendar.nextTradingDay(date);
    const close = calendar.sessionFor(next)?.close ?? '23:59:59';
    return nowMs < epochMsOfIst(next, close) + slackMs;
  }
  return nowMs - slotMs <= entry.toleranceSeconds * 1000 + slackMs;
}

/**
 * Whether a dequeued slot may still run: on a trading day, in session for `every` jobs (with a
 * minute of slack for a busy queue), within its due window for `at` jobs. Handlers of a slot
 * that fails this are not called: outside session or on a holiday a job is a no-op.
 */
export function slotStillDue(entry: ScheduleEntry, slot: string, nowMs: number, calendar: NseCalendar): boolean {
  const [date, time] = slot.split('T');
  if (entry.everySeconds !== undefined) {
    const lateMs = nowMs - epochMsOfIst(date, time);
    return lateMs <= (entry.everySeconds + 60) * 1000 && calendar.isWithinSession(date, time);
  }
  if (secondsOfDay(time) !== secondsOfDay(entry.at)) return false;
  return dailySlotDue(entry, date, nowMs, calendar, 60_000);
}

/**
 * The scheduled jobs due at `nowMs` (UTC epoch ms), each with the IST slot it stands for (see
 * `ScheduleEntry`). Calling it again within a slot returns the same slots, hence the same job
 * ids, so drivers collapse repeats. Past the calendar's horizon it runs on the assumed days.
 */
export function dueJobs(nowMs: number, calendar: NseCalendar, schedule: readonly ScheduleEntry[] = JOB_SCHEDULE): DueJob[] {
  const { date, time } = istDateTimeOf(nowMs);
  const now = secondsOfDay(time);
  const due: DueJob[] = [];
  for (const entry of schedule) {
    if (entry.everySeconds !== undefined) {
      const slot = hms(now - (now % entry.everySeconds));
      if (calendar.isWithinSession(date, slot)) due.push({ name: entry.job, payload: { slot: `${date}T${slot}` } });
      continue;
    }
    const at = hms(secondsOfDay(entry.at));
    // An after-close job may still be owed for the previous trading day.
    const dates = entry.untilNextClose ? [calendar.previousTradingDay(date), date] : [date];
    for (const d of dates) if (dailySlotDue(entry, d, nowMs, calendar)) due.push({ name: entry.job, payload: { slot: `${d}T${at}` } });
  }
  return due;
}

/** The schedule line of a job, if it is scheduled. */
export function scheduleEntryOf(job: string, schedule: readonly ScheduleEntry[] = JOB_SCHEDULE): ScheduleEntry | undefined {
  return schedule.find((e) => e.job === job);
}
