import { epochMsOfIst } from '@mcube/domain';
import { MAX_LISTED_ERRORS, parseHistoryCsv } from './history-csv.parser';

const daily = (rows: string[], header = 'date,open,high,low,close,volume') => [header, ...rows].join('\n');

describe('parseHistoryCsv', () => {
  it('accepts a good daily file, sorts it and converts prices to paise', () => {
    const r = parseHistoryCsv(daily(['2026-01-06,104,106,103,105.5,1200', '2026-01-05,100.5,105,99.25,104,1000', '']), '1d');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bars.map((b) => b.barStartMs)).toEqual([epochMsOfIst('2026-01-05', '00:00'), epochMsOfIst('2026-01-06', '00:00')]);
    expect(r.bars[0]).toMatchObject({ line: 3, openPaise: 10050, highPaise: 10500, lowPaise: 9925, closePaise: 10400, volume: 1000 });
  });

  it('accepts an intraday file with an IST datetime column and no volume', () => {
    const r = parseHistoryCsv('datetime,open,high,low,close\r\n2026-01-05 09:15,100,101,99,100.5\r\n2026-01-05T09:20:00,100.5,102,100,101\r\n', '5m');
    expect(r).toEqual({
      ok: true,
      bars: [
        expect.objectContaining({ barStartMs: epochMsOfIst('2026-01-05', '09:15'), volume: 0 }),
        expect.objectContaining({ barStartMs: epochMsOfIst('2026-01-05', '09:20'), closePaise: 10100 }),
      ],
    });
  });

  it('rejects every bad row with its line number and reason, and returns no bar', () => {
    const r = parseHistoryCsv(
      daily([
        '2026-01-05,100,105,99,104,1000', // line 2: good
        '2026-13-01,100,105,99,104,1000', // 3: bad month
        '2026-02-30,100,105,99,104,1000', // 4: no such day
        '2026-01-07,100,103,99,104,1000', // 5: high below close
        '2026-01-08,100,105,101,104,1000', // 6: low above open
        '2026-01-09,abc,105,99,104,1000', // 7: not a number
        '2026-01-10,-1,105,99,104,1000', // 8: negative
        '2026-01-05,100,105,99,104,1000', // 9: duplicate of line 2
        '2026-01-12,100,105,99,104', // 10: missing column
        '2026-01-13,100,105,99,104,1.5', // 11: fractional volume
        '2026-01-14,0,0,0,0,0', // 12: zero price
      ]),
      '1d',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.errors.find((e) => e.line === 5)?.reason).toMatch(/high/);
    expect(r.errors.find((e) => e.line === 6)?.reason).toMatch(/low/);
    expect(r.errors.find((e) => e.line === 9)?.reason).toBe('duplicate of the bar on line 2');
    expect(r.errors.find((e) => e.line === 10)?.reason).toMatch(/columns/);
    expect(r.errors.every((e) => e.reason.length > 0 && e.reason.length < 200)).toBe(true);
  });

  it('rejects a wrong header, an empty file and a header that does not match the interval', () => {
    expect(parseHistoryCsv('day,open,high,low,close\n2026-01-05,1,2,1,2', '1d')).toEqual({ ok: false, errors: [expect.objectContaining({ line: 1 })] });
    expect(parseHistoryCsv('date,open,high,low,close\n\n', '1d')).toEqual({ ok: false, errors: [{ line: 1, reason: 'the file has no rows' }] });
    expect(parseHistoryCsv(daily(['2026-01-05,1,2,1,2,0']), '5m')).toEqual({ ok: false, errors: [expect.objectContaining({ line: 1, reason: expect.stringMatching(/1d/) })] });
    expect(parseHistoryCsv('datetime,open,high,low,close\n2026-01-05 09:15,1,2,1,2', '1d').ok).toBe(false);
  });

  it('rejects impossible times in an intraday file', () => {
    const r = parseHistoryCsv('datetime,open,high,low,close\n2026-01-05 24:10,1,2,1,2\n2026-01-05 09:75,1,2,1,2\n2026-01-05,1,2,1,2', '1m');
    expect(r.ok ? [] : r.errors.map((e) => e.line)).toEqual([2, 3, 4]);
  });

  it('lists a bounded number of errors and summarises the rest', () => {
    const rows = Array.from({ length: MAX_LISTED_ERRORS + 20 }, () => 'bad,row,,,,');
    const r = parseHistoryCsv(daily(rows), '1d');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(r.errors[MAX_LISTED_ERRORS].reason).toBe('and 20 more bad rows');
  });
});
