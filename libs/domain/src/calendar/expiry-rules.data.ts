import type { ExpiryRuleTable } from './calendar.types';

/**
 * NSE derivative expiry rules as dated data. Everywhere: when the nominal expiry day is
 * not a trading weekday (holiday, or a muhurat-only day), the expiry is the previous
 * trading weekday. The broker's instrument master is the authority and may differ.
 *
 * - NIFTY (DECISIONS.md §2): monthly on the last Thursday; weeklies every Thursday from
 *   the contracts launched 2019-02-11 (first weekly 2019-02-14); Tuesday, weekly and
 *   monthly (= last Tuesday), for expiries from 2025-09-01 (last Thursday expiry
 *   2025-08-28, first Tuesday expiry 2025-09-02).
 * - BANKNIFTY, FINNIFTY: monthly contracts only (their weeklies ended in Nov 2024 and are
 *   not modelled). BANKNIFTY: last Thursday, last Wednesday from the March 2024 contracts.
 *   FINNIFTY (F&O from Jan 2021): last Tuesday. Both: last Thursday from 2025-01-01 (NSE
 *   circular of 2024-11-29), last Tuesday from 2025-09-01.
 * - STOCK (every single-stock future and option): last Thursday; last Tuesday from
 *   2025-09-01. ASSUMPTION: DECISIONS.md is silent on stocks; this follows NSE's move of
 *   all its equity-derivative expiries to Tuesday, and the Nov 2025 Kite contract list
 *   (stock futures expiring 2025-11-25, 2025-12-30, 2026-01-27).
 */
export const NSE_EXPIRY_RULES: ExpiryRuleTable = {
  NIFTY: [
    { effectiveFrom: '2000-01-01', weekday: 4, weekly: false },
    { effectiveFrom: '2019-02-11', weekday: 4, weekly: true },
    { effectiveFrom: '2025-09-01', weekday: 2, weekly: true },
  ],
  BANKNIFTY: [
    { effectiveFrom: '2000-01-01', weekday: 4, weekly: false },
    { effectiveFrom: '2024-03-01', weekday: 3, weekly: false },
    { effectiveFrom: '2025-01-01', weekday: 4, weekly: false },
    { effectiveFrom: '2025-09-01', weekday: 2, weekly: false },
  ],
  FINNIFTY: [
    { effectiveFrom: '2021-01-01', weekday: 2, weekly: false },
    { effectiveFrom: '2025-01-01', weekday: 4, weekly: false },
    { effectiveFrom: '2025-09-01', weekday: 2, weekly: false },
  ],
  STOCK: [
    { effectiveFrom: '2000-01-01', weekday: 4, weekly: false },
    { effectiveFrom: '2025-09-01', weekday: 2, weekly: false },
  ],
};
