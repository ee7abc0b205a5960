import { readSharedCsv } from '@mcube/testing';
import { createDefaultNseCalendar } from './nse-calendar';

const cal = createDefaultNseCalendar();
const FROM = '2015-01-01';
const TO = '2026-08-04'; // the last expiry in the shared file

const rows = readSharedCsv('calendar/nifty_expiry_dates_2001-2026_giftcity_derived.csv').filter(
  (r) => r['expiry_date'] >= FROM && r['expiry_date'] <= TO,
);

/**
 * Where we differ from the GIFT-City-derived list, and why. That list was computed by its
 * author with a holiday roll-back over *price* days, so a Diwali muhurat day (a published
 * holiday with a one-hour session and a price row) counts as a trading day there. NSE moves
 * the expiry to the previous trading day when the expiry day is a holiday: 2021-11-04
 * (Thursday, Laxmi Pujan) → Wednesday 2021-11-03; 2025-10-21 (Tuesday, Laxmi Pujan) →
 * Monday 2025-10-20.
 */
const KNOWN = { theirs: ['2021-11-04', '2025-10-21'], ours: ['2021-11-03', '2025-10-20'] };

describe('computed NIFTY expiries against the shared list (2015-01..2026-08)', () => {
  it('matches every expiry date except the two Diwali muhurat days', () => {
    const theirs = rows.filter((r) => r['expiry_date'] >= '2019-02-01' || r['is_monthly'] === 'True').map((r) => r['expiry_date']);
    const ours = cal.weeklyExpiries('NIFTY', FROM, TO);
    expect(theirs.filter((d) => !ours.includes(d))).toEqual(KNOWN.theirs);
    expect(ours.filter((d) => !theirs.includes(d))).toEqual(KNOWN.ours);
    expect(ours.length).toBe(theirs.length);
  });

  it('lists only monthly expiries before the weeklies of February 2019, weeklies after', () => {
    const beforeWeeklies = cal.weeklyExpiries('NIFTY', FROM, '2019-02-13');
    expect(beforeWeeklies).toEqual(rows.filter((r) => r['expiry_date'] <= '2019-02-13').map((r) => r['expiry_date']));
    expect(cal.weeklyExpiries('NIFTY', '2019-02-01', '2019-02-28')).toEqual(['2019-02-14', '2019-02-21', '2019-02-28']);
  });

  it('flags the same monthly expiries', () => {
    for (const r of rows.filter((x) => x['is_monthly'] === 'True')) {
      expect(cal.monthlyExpiry('NIFTY', r['expiry_date'].slice(0, 7))).toBe(r['expiry_date']);
    }
  });

  it('never puts an expiry on a day the calendar does not trade', () => {
    for (const d of cal.weeklyExpiries('NIFTY', FROM, '2026-12-31')) expect(cal.isTradingDay(d)).toBe(true);
  });
});

describe('computed expiries against the Nov 2025 Kite contract lists', () => {
  it('matches the NIFTY option expiries listed then, except March 2026 moved by the later 2026-03-31 holiday', () => {
    const listed = readSharedCsv('calendar/nifty_option_expiries_listed_kite_snapshot_2025-11.csv')
      .map((r) => r['expiry'])
      .filter((d) => d <= '2026-12-31');
    const ours = listed.map((d) => (cal.weeklyExpiries('NIFTY', d, d).length === 1 ? d : cal.monthlyExpiry('NIFTY', d.slice(0, 7))));
    expect(listed.filter((d, i) => ours[i] !== d)).toEqual(['2026-03-31']);
    expect(cal.monthlyExpiry('NIFTY', '2026-03')).toBe('2026-03-30');
  });

  it('gives the futures expiries of NIFTY, BANKNIFTY, FINNIFTY and every stock listed then', () => {
    // MIDCPNIFTY and NIFTYNXT50 have no rules of their own here.
    const futures = readSharedCsv('calendar/nfo_futures_lot_sizes_kite_snapshot_2025-11.csv').filter(
      (f) => !['MIDCPNIFTY', 'NIFTYNXT50'].includes(f['name']),
    );
    expect(futures.length).toBeGreaterThan(600);
    for (const f of futures) {
      const underlying = ['NIFTY', 'BANKNIFTY', 'FINNIFTY'].includes(f['name']) ? f['name'] : 'STOCK';
      expect(cal.monthlyExpiry(underlying, f['expiry'].slice(0, 7))).toBe(f['expiry']);
    }
  });
});
