import type { SpecialSessionTable } from './calendar.types';

const FULL_DAY = { open: '09:15', close: '15:30', kind: 'SPECIAL' } as const;
const DIWALI = 'Diwali Laxmi Pujan muhurat trading';
// The 2024 DR drills traded from the primary site, then (after a switch-over) from the disaster-recovery site.
const DR_SEGMENTS = [
  { open: '09:15', close: '10:00' },
  { open: '11:30', close: '12:30' },
] as const;
const DR_DRILL = { open: '09:15', close: '12:30', kind: 'SPECIAL', name: 'Special live session with DR switch-over', segments: DR_SEGMENTS } as const;

/**
 * Known NSE special sessions 2015–2026, by date (IST).
 *
 * SPECIAL sessions are real trading days: Union Budget on a weekend (2015-02-28,
 * 2020-02-01, 2025-02-01, Sunday 2026-02-01), the full-day Saturday 2024-01-20 (made a
 * trading day when Monday 2024-01-22 was declared a holiday) and the two 2024 DR drills.
 * MUHURAT sessions are one symbolic hour on Diwali Laxmi Pujan, a holiday.
 * Checked against the shared data: every weekend row of the trading-days list is here,
 * and the hours match the 15-minute bars of those days (2015's hour is inferred from those
 * bars only). Diwali 2026 (Sunday 2026-11-08) is not listed: its hour was not announced
 * when this table was written; add it through `specialSessions`.
 */
export const NSE_SPECIAL_SESSIONS: SpecialSessionTable = {
  '2015-02-28': { ...FULL_DAY, name: 'Union Budget (Saturday)' },
  '2015-11-11': { open: '17:30', close: '18:45', kind: 'MUHURAT', name: DIWALI },
  '2016-10-30': { open: '18:30', close: '19:30', kind: 'MUHURAT', name: DIWALI },
  '2017-10-19': { open: '18:30', close: '19:30', kind: 'MUHURAT', name: DIWALI },
  '2018-11-07': { open: '17:30', close: '18:30', kind: 'MUHURAT', name: DIWALI },
  '2019-10-27': { open: '18:15', close: '19:15', kind: 'MUHURAT', name: DIWALI },
  '2020-02-01': { ...FULL_DAY, name: 'Union Budget (Saturday)' },
  '2020-11-14': { open: '18:15', close: '19:15', kind: 'MUHURAT', name: DIWALI },
  '2021-11-04': { open: '18:15', close: '19:15', kind: 'MUHURAT', name: DIWALI },
  '2022-10-24': { open: '18:15', close: '19:15', kind: 'MUHURAT', name: DIWALI },
  '2023-11-12': { open: '18:15', close: '19:15', kind: 'MUHURAT', name: DIWALI },
  '2024-01-20': { ...FULL_DAY, name: 'Special full trading session (Saturday)' },
  '2024-03-02': DR_DRILL,
  '2024-05-18': DR_DRILL,
  '2024-11-01': { open: '18:00', close: '19:00', kind: 'MUHURAT', name: DIWALI },
  '2025-02-01': { ...FULL_DAY, name: 'Union Budget (Saturday)' },
  '2025-10-21': { open: '13:45', close: '14:45', kind: 'MUHURAT', name: DIWALI },
  '2026-02-01': { ...FULL_DAY, name: 'Union Budget (Sunday)' },
};
