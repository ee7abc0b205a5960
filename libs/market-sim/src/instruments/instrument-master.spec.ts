import { addDays, createDefaultNseCalendar, isoWeekday } from '@mcube/domain';
import { contractSymbol, parseContractSymbol } from './contract-symbol';
import { buildInstrumentMaster, listedOptionExpiries, listedStrikes } from './instrument-master';

const calendar = createDefaultNseCalendar();

/** true when `expiry` is on `weekday`, or was rolled back to it because the days up to that weekday do not trade. */
function onRuleWeekday(expiry: string, weekday: number): boolean {
  const behind = (weekday - isoWeekday(expiry) + 7) % 7;
  for (let i = 1; i <= behind; i++) if (calendar.isTradingDay(addDays(expiry, i))) return false;
  return true;
}

describe('instrument master by date', () => {
  it('lists NIFTY options of 25-unit lots on Thursday expiries in June 2024', () => {
    const master = buildInstrumentMaster({ calendar, date: '2024-06-03', referenceSpot: 22_500 });
    const options = master.filter((r) => r.kind === 'OPT');
    expect(new Set(options.map((r) => r.lotSize))).toEqual(new Set([25]));
    for (const r of options) expect(onRuleWeekday(r.expiry, 4)).toBe(true);
    expect(new Set(options.map((r) => r.expiry)).size).toBeGreaterThanOrEqual(5);
  });

  it('lists 65-unit lots on Tuesday expiries in February 2026, with the monthly futures', () => {
    const master = buildInstrumentMaster({ calendar, date: '2026-02-02', referenceSpot: 25_000 });
    const options = master.filter((r) => r.kind === 'OPT');
    expect(new Set(options.map((r) => r.lotSize))).toEqual(new Set([65]));
    for (const r of options) expect(onRuleWeekday(r.expiry, 2)).toBe(true);
    expect(options.some((r) => r.expiry === '2026-03-30')).toBe(true); // 2026-03-31 is a holiday
    const futures = master.filter((r) => r.kind === 'FUT').map((r) => r.expiry);
    expect(futures).toEqual([calendar.monthlyExpiry('NIFTY', '2026-02'), calendar.monthlyExpiry('NIFTY', '2026-03'), calendar.monthlyExpiry('NIFTY', '2026-04')]);
    for (const r of master) {
      expect(r.tickSize).toBe(0.05);
      expect(r.freezeQuantity).toBe(1800);
    }
  });

  it('keeps 75-unit lots for the December 2025 contracts and 65 from January 2026 on the same day', () => {
    const master = buildInstrumentMaster({ calendar, date: '2025-12-01', referenceSpot: 26_000 });
    const lotOf = (expiry: string) => master.find((r) => r.kind === 'OPT' && r.expiry === expiry)?.lotSize;
    expect(lotOf('2025-12-30')).toBe(75);
    expect(lotOf(calendar.monthlyExpiry('NIFTY', '2026-01'))).toBe(65);
  });

  it('includes the weekly expiries ahead and the next monthlies, the near weekly first', () => {
    const expiries = listedOptionExpiries({ calendar, date: '2025-11-14' });
    expect(expiries[0]).toBe('2025-11-18');
    expect(expiries).toEqual(expect.arrayContaining(['2025-11-25', '2025-12-30', '2026-01-27']));
    expect(expiries).toEqual([...expiries].sort());
  });

  it('lists strikes on the 50-point grid around the reference level', () => {
    const strikes = listedStrikes(24_512.3, 50, 3);
    expect(strikes).toEqual([24_350, 24_400, 24_450, 24_500, 24_550, 24_600, 24_650]);
    expect(() => listedStrikes(Number.NaN, 50, 3)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('refuses a day on which nothing trades', () => {
    expect(() => buildInstrumentMaster({ calendar, date: '2026-09-14', referenceSpot: 25_000 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('lists stock futures with their own lots on the stock expiry', () => {
    const master = buildInstrumentMaster({ calendar, date: '2026-02-02', referenceSpot: 25_000, stocks: [{ symbol: 'M&M', lotSize: 200 }] });
    const mm = master.filter((r) => r.underlying === 'M&M');
    expect(mm).toHaveLength(3);
    expect(mm.every((r) => r.lotSize === 200 && r.kind === 'FUT' && onRuleWeekday(r.expiry, 2))).toBe(true);
  });
});

describe('contract symbols', () => {
  it('round-trip futures and options, including names with dashes and ampersands', () => {
    const cases = [
      { underlying: 'NIFTY', kind: 'FUT' as const, expiry: '2026-08-25' },
      { underlying: 'NIFTY', kind: 'OPT' as const, expiry: '2026-08-25', strike: 24_500, optionType: 'CE' as const },
      { underlying: 'BAJAJ-AUTO', kind: 'FUT' as const, expiry: '2026-08-25' },
      { underlying: 'M&M', kind: 'OPT' as const, expiry: '2026-08-25', strike: 3200, optionType: 'PE' as const },
    ];
    for (const c of cases) expect(parseContractSymbol(contractSymbol(c))).toEqual(c);
  });

  it('returns null for index and stock names and throws on an impossible date', () => {
    expect(parseContractSymbol('NIFTY 50')).toBeNull();
    expect(parseContractSymbol('RELIANCE')).toBeNull();
    expect(() => parseContractSymbol('NIFTY-2026-02-30-FUT')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
