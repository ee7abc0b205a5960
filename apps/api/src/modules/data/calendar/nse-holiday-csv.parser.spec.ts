import { parseHolidayDate, parseNseHolidayCsv } from './nse-holiday-csv.parser';

// The layout of the CSV exported from nseindia.com's "Trading Holidays" page (equity / F&O).
const NSE_2027 = [
  '"Sr. No","Date","Day","Description"',
  '"1","26-Jan-2027","Tuesday","Republic Day"',
  '"2","06-Mar-2027","Saturday","Mahashivratri"',
  '"3","22-Mar-2027","Monday","Holi"',
  '"4","02-Oct-2027","Saturday","Mahatma Gandhi Jayanti, Gandhi\'s birthday"',
  '"5","29-Oct-2027","Friday","Diwali Laxmi Pujan*"',
  '"6","24-Dec-2027","Friday","Christmas (observed ""eve"")"',
].join('\r\n');

describe('parseNseHolidayCsv', () => {
  it('reads NSE\'s quoted export, keeping commas and quotes inside descriptions and noting weekend dates', () => {
    const r = parseNseHolidayCsv('\uFEFF' + NSE_2027 + '\r\n');
    expect(r).toEqual({
      ok: true,
      year: 2027,
      rows: 6,
      holidays: [
        { line: 2, date: '2027-01-26', name: 'Republic Day' },
        { line: 3, date: '2027-03-06', name: 'Mahashivratri' },
        { line: 4, date: '2027-03-22', name: 'Holi' },
        { line: 5, date: '2027-10-02', name: "Mahatma Gandhi Jayanti, Gandhi's birthday" },
        { line: 6, date: '2027-10-29', name: 'Diwali Laxmi Pujan*' },
        { line: 7, date: '2027-12-24', name: 'Christmas (observed "eve")' },
      ],
      weekendDates: ['2027-03-06', '2027-10-02'],
    });
  });

  it('accepts an unquoted file with a title line, blank lines, upper-case headers and other day-first dates', () => {
    const text = 'Trading holidays for the calendar year 2027\n\nSR. NO.,DATE,DAY,DESCRIPTION\n1,2027-01-26,Tue,Republic Day\n\n2,22/03/2027,MONDAY,Holi\n3,9 April 2027,Friday,Good Friday\n';
    const r = parseNseHolidayCsv(text, 2027);
    expect(r.ok && r.holidays.map((h) => [h.line, h.date])).toEqual([
      [4, '2027-01-26'],
      [6, '2027-03-22'],
      [7, '2027-04-09'],
    ]);
  });

  it('reads the holiday-master JSON field names too (tradingDate, weekDay, description)', () => {
    const r = parseNseHolidayCsv('Sr_no,tradingDate,weekDay,description,morning_session,evening_session\n1,26-Jan-2027,Tuesday,Republic Day,,\n');
    expect(r.ok && r.holidays).toEqual([{ line: 2, date: '2027-01-26', name: 'Republic Day' }]);
  });

  it('rejects the whole file listing every bad line', () => {
    const text = [
      'Sr. No,Date,Day,Description',
      '1,26-Jan-2027,Monday,Republic Day', // 26 Jan 2027 is a Tuesday
      '2,30-Feb-2027,Tuesday,Nothing',
      '3,22-Mar-2027,Monday,',
      '4,22-Mar-2027,Monday,Holi again',
      '5,01-Apr-2027',
      '6,25-Dec-2028,Monday,Christmas',
    ].join('\n');
    const r = parseNseHolidayCsv(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { line: 1, reason: 'the file lists dates in 2027 and 2028: import one year at a time' },
      { line: 2, reason: '2027-01-26 is a Tuesday, not a Monday' },
      { line: 3, reason: '"30-Feb-2027" is not a date (expected e.g. 26-Jan-2027)' },
      { line: 4, reason: 'the description is empty' },
      { line: 5, reason: '2027-03-22 is already listed on line 4' },
      { line: 6, reason: 'expected at least 4 columns, found 2' },
    ]);
  });

  it.each([
    ['no header', '26-Jan-2027,Republic Day\n', 'no header with a Date and a Description column'],
    ['an unterminated quote', 'Date,Description\n"26-Jan-2027,Republic Day\n', 'a quoted cell is never closed'],
    ['a header and nothing else', 'Sr. No,Date,Day,Description\n', 'the file lists no holiday'],
    ['another year than asked', 'Date,Description\n26-Jan-2027,Republic Day\n', 'the file lists 2027, not 2028'],
    ['a dated row above the header', '26-Jan-2027,Republic Day\nDate,Description\n22-Mar-2027,Holi\n', 'a dated row above the header'],
  ])('rejects %s', (_label, text, reason) => {
    const r = parseNseHolidayCsv(text, _label === 'another year than asked' ? 2028 : undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.reason).join(' | ')).toContain(reason);
  });

  it('refuses a file far longer than a year\'s list', () => {
    const rows = Array.from({ length: 101 }, (_, i) => `${i + 1},${String((i % 28) + 1).padStart(2, '0')}-Jan-2027,,Day ${i}`);
    const r = parseNseHolidayCsv(['Sr. No,Date,Day,Description', ...rows].join('\n'));
    expect(r.ok).toBe(false);
  });
});

describe('parseHolidayDate', () => {
  it.each([
    ['26-Jan-2027', '2027-01-26'],
    ['6-JAN-2027', '2027-01-06'],
    ['14-Sept-2027', '2027-09-14'],
    ['26 January 2027', '2027-01-26'],
    ['26/01/2027', '2027-01-26'],
    ['2027-01-26', '2027-01-26'],
    ['2027-02-29', null],
    ['26-Jna-2027', null],
    ['01/26/2027', null],
    ['26-Jan-27', null],
  ])('%s → %s', (text, iso) => {
    expect(parseHolidayDate(text)).toBe(iso);
  });
});
