import type { LotSizeTable } from './instruments.types';

/**
 * NIFTY lot size by contract expiry (a contract keeps the lot size it was listed with; NSE's
 * revisions apply to contracts by expiry). DECISIONS.md §2 and NSE circulars:
 * - 25 for contracts up to Oct 2015; NSE raised it to 75 from 2015-08-28, the Sep and Oct
 *   2015 contracts keeping 25 to expiry;
 * - 75 from the Nov 2015 contracts (NSE fo_mktlots snapshots 2016-06 .. 2021-06);
 * - 50 from the Jul 2021 contracts (snapshots 2021-07 .. 2023-07);
 * - 25 for contracts expiring after 2024-04-25 (first weekly 2024-05-02, monthly 2024-05-30);
 * - 75 for contracts listed from 2024-11-20: existing weekly and monthly contracts kept 25 to
 *   expiry, so the first 75-lot expiry is the weekly of 2025-01-02, and the January 2025
 *   monthly (2025-01-30, listed before 2024-11-20) still traded at 25;
 * - 65 from the Jan 2026 contracts (Kite list of Nov 2025; snapshots 2026-02 .. 2026-08).
 * No mktlots snapshot covers 2024–2025; those rows rest on the circulars.
 * Known limit: a far-month contract listed before a revision traded with the old lot size
 * until NSE re-lotted it (e.g. NIFTY Mar 2026 at 75 until 2025-12-30); this table gives the
 * size the contract has in its last months. The broker's instrument master overrides it.
 */
export const NSE_LOT_SIZES: LotSizeTable = {
  NIFTY: [
    { fromExpiry: '2015-01-01', lotSize: 25 },
    { fromExpiry: '2015-11-01', lotSize: 75 },
    { fromExpiry: '2021-07-01', lotSize: 50 },
    { fromExpiry: '2024-04-26', lotSize: 25 },
    { fromExpiry: '2024-12-27', lotSize: 75 },
    { fromExpiry: '2025-01-30', lotSize: 25 },
    { fromExpiry: '2025-01-31', lotSize: 75 },
    { fromExpiry: '2026-01-01', lotSize: 65 },
  ],
};
