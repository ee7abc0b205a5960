import { DomainError } from '../errors/domain-error';
import { strangleEntryFilters, StrangleEntryFilterInput } from './entry-filters';

const calm: StrangleEntryFilterInput = {
  today: '2026-08-10',
  giftNiftyChangePct: 0.1,
  nasdaqChangePct: 0.2,
  dowChangePct: -0.3,
  nifty1dChangePct: 0.4,
  nifty3dChangePct: -0.8,
  events: [],
  spot: 24_000,
  bollingerUpper: 24_400,
  bollingerLower: 23_600,
  vix: 13.2,
  hasActivePosition: false,
};

const failedNames = (input: StrangleEntryFilterInput) =>
  strangleEntryFilters(input)
    .filters.filter((f) => !f.passed)
    .map((f) => f.name);

describe('strangleEntryFilters', () => {
  it('passes all five filters on a calm day with no position', () => {
    const r = strangleEntryFilters(calm);
    expect(r.allPassed).toBe(true);
    expect(r.failed).toEqual([]);
    expect(r.passed).toHaveLength(5);
    expect(r.filters.map((f) => f.name)).toEqual(['GLOBAL_MARKETS', 'NIFTY_MOVEMENT', 'EVENT_CALENDAR', 'MARKET_REGIME', 'ONE_POSITION']);
  });

  it('passes GIFT Nifty exactly ±0.5% and fails 0.51% with the value in the message', () => {
    expect(strangleEntryFilters({ ...calm, giftNiftyChangePct: -0.5 }).allPassed).toBe(true);
    const r = strangleEntryFilters({ ...calm, giftNiftyChangePct: 0.51 });
    expect(r.allPassed).toBe(false);
    expect(r.failed).toEqual(['GIFT Nifty moved 0.51% (limit: ±0.5%)']);
    expect(r.filters[0].values).toMatchObject({ giftNiftyChangePct: 0.51 });
  });

  it('passes US markets exactly ±1.0% and fails when Nasdaq or Dow moves more', () => {
    expect(strangleEntryFilters({ ...calm, nasdaqChangePct: 1.0, dowChangePct: -1.0 }).allPassed).toBe(true);
    expect(failedNames({ ...calm, nasdaqChangePct: -1.01 })).toEqual(['GLOBAL_MARKETS']);
    const r = strangleEntryFilters({ ...calm, dowChangePct: 1.2 });
    expect(r.failed[0]).toContain('US markets too volatile');
    expect(r.failed[0]).toContain('Dow 1.20%');
  });

  it('passes NIFTY exactly 1.0% in a day and 2.0% in 3 days, and fails just above', () => {
    expect(strangleEntryFilters({ ...calm, nifty1dChangePct: -1.0, nifty3dChangePct: 2.0 }).allPassed).toBe(true);
    expect(strangleEntryFilters({ ...calm, nifty1dChangePct: 1.05 }).failed).toEqual(['Nifty moved 1.05% yesterday (limit: ±1%)']);
    expect(strangleEntryFilters({ ...calm, nifty3dChangePct: -2.01 }).failed).toEqual(['Nifty moved -2.01% in 3 days (limit: ±2%)']);
  });

  it('fails on a HIGH event from today to today + 5 inclusive, and ignores day 6, past and lesser events', () => {
    const event = (date: string, importance: 'HIGH' | 'MEDIUM' = 'HIGH') => ({ date, title: 'RBI policy', importance });
    expect(failedNames({ ...calm, events: [event('2026-08-10')] })).toEqual(['EVENT_CALENDAR']);
    expect(failedNames({ ...calm, events: [event('2026-08-15')] })).toEqual(['EVENT_CALENDAR']);
    expect(strangleEntryFilters({ ...calm, events: [event('2026-08-16')] }).allPassed).toBe(true);
    expect(strangleEntryFilters({ ...calm, events: [event('2026-08-09')] }).allPassed).toBe(true);
    expect(strangleEntryFilters({ ...calm, events: [event('2026-08-11', 'MEDIUM')] }).allPassed).toBe(true);
    const r = strangleEntryFilters({
      ...calm,
      events: [{ date: '2026-08-14', title: 'US CPI', importance: 'HIGH' }, event('2026-08-12')],
    });
    expect(r.failed).toEqual(['Major event upcoming: RBI policy on 2026-08-12']);
  });

  it('fails outside the Bollinger bands, passes on a band, and checks VIX only inside', () => {
    expect(strangleEntryFilters({ ...calm, spot: 24_400 }).allPassed).toBe(true);
    expect(strangleEntryFilters({ ...calm, spot: 24_400.05 }).failed[0]).toContain('Bollinger Band extreme');
    expect(strangleEntryFilters({ ...calm, spot: 23_599 }).failed[0]).toContain('below lower band 23600');
    const both = strangleEntryFilters({ ...calm, spot: 25_000, vix: 25 });
    expect(both.failed).toHaveLength(1);
    expect(both.failed[0]).toContain('Bollinger');
  });

  it('passes VIX exactly 20 and fails 20.1', () => {
    expect(strangleEntryFilters({ ...calm, vix: 20 }).allPassed).toBe(true);
    expect(strangleEntryFilters({ ...calm, vix: 20.1 }).failed).toEqual(['India VIX too high: 20.1 (limit: 20)']);
  });

  it('fails while a position is active (the one-position rule)', () => {
    const r = strangleEntryFilters({ ...calm, hasActivePosition: true });
    expect(r.failed).toEqual(['Active position already exists']);
    expect(r.allPassed).toBe(false);
  });

  it('reports every failing filter, not just the first', () => {
    expect(failedNames({ ...calm, giftNiftyChangePct: 1, nifty1dChangePct: 2, vix: 30, hasActivePosition: true })).toEqual([
      'GLOBAL_MARKETS',
      'NIFTY_MOVEMENT',
      'MARKET_REGIME',
      'ONE_POSITION',
    ]);
  });

  it('uses overridden thresholds', () => {
    expect(strangleEntryFilters({ ...calm, vix: 22, thresholds: { maxVix: 25 } }).allPassed).toBe(true);
    expect(failedNames({ ...calm, giftNiftyChangePct: 0.3, thresholds: { maxGiftNiftyChangePct: 0.25 } })).toEqual(['GLOBAL_MARKETS']);
  });

  it('throws on NaN market data, inverted bands and malformed dates', () => {
    expect(() => strangleEntryFilters({ ...calm, nasdaqChangePct: Number.NaN })).toThrow(DomainError);
    expect(() => strangleEntryFilters({ ...calm, bollingerLower: 25_000 })).toThrow(DomainError);
    expect(() => strangleEntryFilters({ ...calm, today: '2026-13-01' })).toThrow(DomainError);
  });
});
