import { calendarExpirySource, instrumentMasterExpirySource } from './expiry-source';
import { createDefaultNseCalendar } from './nse-calendar';

const rules = calendarExpirySource(createDefaultNseCalendar());

describe('expiry sources', () => {
  it('answers from the dated rules, single stocks by the STOCK rules, marking assumed dates', () => {
    expect(rules.expiriesBetween('NIFTY', '2026-12-20', '2027-01-06')).toEqual([
      { date: '2026-12-22', confirmed: true, source: 'DATED_RULES' },
      { date: '2026-12-29', confirmed: true, source: 'DATED_RULES' },
      { date: '2027-01-05', confirmed: false, source: 'DATED_RULES' },
    ]);
    expect(rules.expiriesBetween('RELIANCE', '2026-12-01', '2027-01-31').map((e) => [e.date, e.confirmed])).toEqual([
      ['2026-12-29', true],
      ['2027-01-26', false],
    ]);
    expect(rules.isConfirmedExpiry('reliance', '2027-01-26')).toBe(false);
  });

  it('lets a loaded instrument master override the rules for the underlyings it lists', () => {
    const master = instrumentMasterExpirySource(
      [
        { underlying: 'NIFTY', expiry: '2027-01-04' },
        { underlying: 'NIFTY', expiry: '2027-01-12' },
      ],
      rules,
    );
    expect(master.expiriesBetween('NIFTY', '2027-01-01', '2027-01-10')).toEqual([{ date: '2027-01-04', confirmed: true, source: 'INSTRUMENT_MASTER' }]);
    expect(master.isConfirmedExpiry('NIFTY', '2027-01-04')).toBe(true);
    expect(master.isConfirmedExpiry('NIFTY', '2027-01-05')).toBe(false);
    expect(master.isConfirmedExpiry('RELIANCE', '2026-12-29')).toBe(true);
    expect(() => master.expiriesBetween('NIFTY', '2027-02-01', '2027-01-01')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
