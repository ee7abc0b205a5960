import { readSharedCsv } from '@mcube/testing';
import { DomainError } from '../errors/domain-error';
import { createDefaultNseCalendar } from '../calendar/nse-calendar';
import { lotSizeFor } from './lot-size';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
}

const cal = createDefaultNseCalendar();
const nifty = (expiry: string) => lotSizeFor({ underlying: 'NIFTY', expiry });

describe('NIFTY lot size by contract expiry', () => {
  it.each([
    ['2015-10-29', 25],
    ['2015-11-26', 75],
    ['2019-03-28', 75],
    ['2021-06-24', 75],
    ['2021-07-29', 50],
    ['2024-04-25', 50],
    ['2024-05-02', 25],
    ['2024-12-26', 25],
    ['2025-01-02', 75],
    ['2025-01-30', 25],
    ['2025-02-06', 75],
    ['2025-12-30', 75],
    ['2026-01-06', 65],
    ['2026-08-25', 65],
  ])('contract expiring %s has lot size %i', (expiry, lot) => {
    expect(nifty(expiry)).toBe(lot);
  });

  it('agrees with the near three months of every NSE fo_mktlots snapshot', () => {
    const rows = readSharedCsv('calendar/index_lot_size_by_contract_month_from_mktlots.csv').filter((r) => r['symbol'] === 'NIFTY');
    const near = rows.filter((r) => monthsBetween(r['snapshot'], r['contract_month']) <= 2);
    expect(near.length).toBeGreaterThan(30);
    for (const r of near) {
      expect([r['contract_month'], nifty(cal.monthlyExpiry('NIFTY', r['contract_month']))]).toEqual([r['contract_month'], Number(r['lot_size'])]);
    }
  });

  it('differs from far months of old snapshots only where NSE later revised the lot size', () => {
    const rows = readSharedCsv('calendar/index_lot_size_by_contract_month_from_mktlots.csv').filter((r) => r['symbol'] === 'NIFTY');
    const differing = rows
      .filter((r) => nifty(`${r['contract_month']}-28`) !== Number(r['lot_size']))
      .map((r) => `${r['snapshot']}:${r['contract_month']}`);
    // The 2023-07 snapshot shows 50 for contracts revised in 2024 (to 25, then 75).
    expect(differing).toEqual(['2023-07:2024-06', '2023-07:2024-12', '2023-07:2025-06', '2023-07:2025-12']);
  });

  it('agrees with the Nov 2025 Kite lists, except far contracts re-lotted to 65 on 2025-12-30', () => {
    const options = readSharedCsv('calendar/nifty_option_expiries_listed_kite_snapshot_2025-11.csv');
    const futures = readSharedCsv('calendar/nfo_futures_lot_sizes_kite_snapshot_2025-11.csv').filter((r) => r['name'] === 'NIFTY');
    const listed = [...options, ...futures];
    expect(listed.filter((r) => r['expiry'] <= '2026-01-27' && nifty(r['expiry']) !== Number(r['lot_size']))).toEqual([]);
    const far = listed.filter((r) => r['expiry'] > '2026-01-27');
    expect(far.length).toBeGreaterThan(5);
    for (const r of far) expect([r['expiry'], Number(r['lot_size']), nifty(r['expiry'])]).toEqual([r['expiry'], 75, 65]);
  });

  it('prefers an exact override from the broker master', () => {
    const overrides = [{ underlying: 'NIFTY', expiry: '2026-03-30', lotSize: 75 }];
    expect(lotSizeFor({ underlying: 'NIFTY', expiry: '2026-03-30', overrides })).toBe(75);
    expect(lotSizeFor({ underlying: 'NIFTY', expiry: '2026-04-28', overrides })).toBe(65);
  });

  it('reads a replacement table for other underlyings', () => {
    const table = { BANKNIFTY: [{ fromExpiry: '2026-01-01', lotSize: 30 }] };
    expect(lotSizeFor({ underlying: 'BANKNIFTY', expiry: '2026-03-30', table })).toBe(30);
  });

  it.each([
    ['an unknown underlying', () => lotSizeFor({ underlying: 'BANKNIFTY', expiry: '2026-03-30' }), 'INVALID_ARGUMENT'],
    ['a bad expiry', () => lotSizeFor({ underlying: 'NIFTY', expiry: '2026-02-30' }), 'INVALID_DATE'],
    ['an expiry before the table', () => lotSizeFor({ underlying: 'NIFTY', expiry: '2014-12-24' }), 'UNKNOWN_DATE'],
    ['a zero override', () => lotSizeFor({ underlying: 'NIFTY', expiry: '2026-03-30', overrides: [{ underlying: 'NIFTY', expiry: '2026-03-30', lotSize: 0 }] }), 'INVALID_ARGUMENT'],
  ])('rejects %s', (_label, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });
});

function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}
