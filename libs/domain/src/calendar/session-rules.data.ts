import type { SessionRule } from './calendar.types';

/**
 * Normal NSE F&O session by date (IST), DECISIONS.md §2:
 * - 09:15–15:30 until 2026-08-02, 09:15–15:40 from 2026-08-03;
 * - futures-only call-auction pre-open 09:00–09:15 from 2025-12-08 (NSE circular of
 *   Nov 2025: current-month index and stock futures; options are excluded).
 * The pre-open is exposed by `preOpenFor`, never as part of the session.
 */
export const NSE_FO_SESSION_RULES: readonly SessionRule[] = [
  { effectiveFrom: '2000-01-01', open: '09:15', close: '15:30', preOpen: null },
  { effectiveFrom: '2025-12-08', open: '09:15', close: '15:30', preOpen: { open: '09:00', close: '09:15' } },
  { effectiveFrom: '2026-08-03', open: '09:15', close: '15:40', preOpen: { open: '09:00', close: '09:15' } },
];
