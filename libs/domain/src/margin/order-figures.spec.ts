import { DomainError } from '../errors/domain-error';
import { marginRatesOn } from './margin-rates';
import { orderFigures, type FigureLeg } from './order-figures';

const STOPS = { shortOptionStopFraction: 1, futuresStopFraction: 0.005 };
const call = (over: Partial<FigureLeg> = {}): FigureLeg => ({
  instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 23500, optionType: 'CE' },
  side: 'SELL',
  quantity: 650,
  limitPrice: 120.5,
  ...over,
});

describe('orderFigures (the gateway margin model, DECISIONS §2)', () => {
  it('gives a 13,000-unit naked short NIFTY call about ₹3.65 Cr of margin: 12% of 23,400 × 13,000', () => {
    const f = orderFigures({ legs: [call({ quantity: 13_000 })], date: '2026-03-10', spots: { NIFTY: 23_400 }, stops: STOPS });
    expect(f.marginPaise).toBe(3_65_04_000_00);
    expect(f.exposurePaise).toBe(23_400 * 13_000 * 100);
    // 100% of the premium at the stop: 120.50 × 13,000.
    expect(f.riskPaise).toBe(15_66_500_00);
    expect(f.missingSpots).toEqual([]);
  });

  it('adds 2% per short leg on the expiry day, from 2024-11-20 only', () => {
    const strangle = [call(), call({ instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 22500, optionType: 'PE' }, limitPrice: 95 })];
    const normal = orderFigures({ legs: strangle, date: '2026-03-16', spots: { NIFTY: 23_000 }, stops: STOPS });
    const expiryDay = orderFigures({ legs: strangle, date: '2026-03-17', spots: { NIFTY: 23_000 }, stops: STOPS });
    expect(normal.marginPaise).toBe(2 * 23_000 * 650 * 12);
    expect(expiryDay.marginPaise).toBe(2 * 23_000 * 650 * 14);
    const old = [call({ instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2024-10-31', strike: 24500, optionType: 'CE' } })];
    expect(orderFigures({ legs: old, date: '2024-10-31', spots: { NIFTY: 24_000 }, stops: STOPS }).marginPaise).toBe(24_000 * 650 * 12);
    expect(marginRatesOn('2024-11-20').expiryDayExtraFraction).toBe(0.02);
  });

  it('charges a long option its premium and a future its dated rate (12% index, 20% stock) with a 0.5% stop', () => {
    const long = orderFigures({ legs: [call({ side: 'BUY', limitPrice: 10 })], date: '2026-03-10', spots: {}, stops: STOPS });
    expect(long).toEqual({ marginPaise: 650 * 1000, riskPaise: 650 * 1000, exposurePaise: 650 * 1000, missingSpots: [] });
    const nifty = orderFigures({ legs: [{ instrument: { underlying: 'NIFTY', kind: 'FUT', expiry: '2026-03-31' }, side: 'BUY', quantity: 65, limitPrice: 23_500 }], date: '2026-03-10', spots: {}, stops: STOPS });
    expect(nifty).toEqual({ marginPaise: 23_500 * 65 * 12, riskPaise: (23_500 * 65 * 100) / 200, exposurePaise: 23_500 * 65 * 100, missingSpots: [] });
    const stock = orderFigures({ legs: [{ instrument: { underlying: 'RELIANCE', kind: 'FUT', expiry: '2026-03-31' }, side: 'SELL', quantity: 500, limitPrice: 1_400 }], date: '2026-03-10', spots: {}, stops: STOPS });
    expect(stock.marginPaise).toBe(1_400 * 500 * 20);
  });

  it('caps the risk at the per-position stop: the stop closes the whole position', () => {
    const f = orderFigures({ legs: [call({ quantity: 13_000 })], date: '2026-03-10', spots: { NIFTY: 23_400 }, stops: { ...STOPS, perPositionStopPaise: 1_00_000_00 } });
    expect(f.riskPaise).toBe(1_00_000_00);
  });

  it('reports a short option whose underlying has no spot: its margin is unknown, not zero by accident', () => {
    const f = orderFigures({ legs: [call()], date: '2026-03-10', spots: { BANKNIFTY: 50_000 }, stops: STOPS });
    expect(f.missingSpots).toEqual(['NIFTY']);
    expect(f.marginPaise).toBe(0);
    // Exposure falls back to the strike.
    expect(f.exposurePaise).toBe(23_500 * 650 * 100);
  });

  it('rejects a bad leg or fraction', () => {
    const bad = (legs: FigureLeg[], stops = STOPS) => () => orderFigures({ legs, date: '2026-03-10', spots: { NIFTY: 23_000 }, stops });
    expect(bad([call({ quantity: 0 })])).toThrow(DomainError);
    expect(bad([call({ limitPrice: 0 })])).toThrow(DomainError);
    expect(bad([call({ instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17' } })])).toThrow(DomainError);
    expect(bad([call()], { ...STOPS, futuresStopFraction: 2 })).toThrow(DomainError);
    expect(() => orderFigures({ legs: [call()], date: '2010-01-01', spots: { NIFTY: 23_000 }, stops: STOPS })).toThrow(/margin rates/);
  });
});
