import { istDateOf } from './ist-date';

describe('istDateOf', () => {
  it('gives the Indian date, which starts at 18:30 UTC the evening before', () => {
    expect(istDateOf(Date.UTC(2026, 2, 9, 18, 29, 59))).toBe('2026-03-09');
    expect(istDateOf(Date.UTC(2026, 2, 9, 18, 30, 0))).toBe('2026-03-10');
  });

  it('does not depend on the zone the browser runs in (jest runs in New York time)', () => {
    // 2026-01-01 00:30 IST is still 31 December in New York and in UTC.
    expect(istDateOf(Date.UTC(2025, 11, 31, 19, 0, 0))).toBe('2026-01-01');
  });
});
