import { createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
import { indexContractOpenInterest, indexOiPositioning, rollFraction } from './index-open-interest-profile';
import { MarketSimulator } from './market-simulator';

describe('index futures OI: the day\'s positioning, the price move and the monthly roll', () => {
  const at = (sensitivity: number, move: number, extra: { rolledIn?: number; rolledOut?: number; progress?: number } = {}) =>
    indexContractOpenInterest({ previousClose: 10_000_000, rolledIn: extra.rolledIn ?? 0, rolledOut: extra.rolledOut ?? 0, drift: 0, sensitivity, priceLogChange: Math.log(1 + move), progress: extra.progress ?? 0.5, lotSize: 65 });
  const change = (oi: number) => oi / 10_000_000 - 1;

  it('builds up with a move on a day of fresh positions (long buildup up, short buildup down) and unwinds on a day of closing ones, in whole lots', () => {
    // +5 per log move: a 1% index move adds about 5%.
    expect(change(at(5, 0.01))).toBeGreaterThan(0.045);
    expect(change(at(5, -0.01))).toBeGreaterThan(0.045);
    // Closing positions: short covering up, long unwinding down.
    expect(change(at(-5, 0.01))).toBeLessThan(-0.045);
    expect(change(at(-5, -0.01))).toBeLessThan(-0.045);
    expect(at(5, 0.01)).toBe(Math.round((10_000_000 * Math.exp(5 * Math.log(1.01))) / 65) * 65);
    // A flat index keeps its OI (up to one lot); every figure is whole lots.
    expect(Math.abs(at(7.5, 0) - 10_000_000)).toBeLessThanOrEqual(65);
    expect(at(3, 0.004) % 65).toBe(0);
  });

  it('draws fresh positions below 0.55 of the side hash, a sensitivity of 2.5–7.5, and a drift pulled back to the base OI', () => {
    expect(indexOiPositioning({ previousClose: 100, base: 100, noise: 0, u1: 0.54, u2: 0 }).sensitivity).toBe(2.5);
    expect(indexOiPositioning({ previousClose: 100, base: 100, noise: 0, u1: 0.55, u2: 0.999999 }).sensitivity).toBeCloseTo(-7.5, 4);
    expect(indexOiPositioning({ previousClose: 200, base: 100, noise: 0, u1: 0, u2: 0 }).drift).toBeCloseTo(-0.1 * Math.log(2) - 0.003, 12);
    expect(indexOiPositioning({ previousClose: 50, base: 100, noise: 0, u1: 0, u2: 0 }).drift).toBeCloseTo(0.1 * Math.log(2) - 0.003, 12);
    expect(indexOiPositioning({ previousClose: 100, base: 100, noise: 1, u1: 0, u2: 0 }).drift).toBeCloseTo(0.017, 12);
  });

  it('rolls 30% of the near month a day in the expiry week only, moving OI between months without changing the total', () => {
    expect([rollFraction(8), rollFraction(7), rollFraction(0)]).toEqual([0, 0.3, 0.3]);
    const near = at(0, 0, { rolledOut: 0.3, progress: 1 });
    const next = indexContractOpenInterest({ previousClose: 2_000_000, rolledIn: 10_000_000 * 0.3, rolledOut: 0, drift: 0, sensitivity: 0, priceLogChange: 0, progress: 1, lotSize: 65 });
    expect(Math.abs(near - 7_000_000)).toBeLessThanOrEqual(65);
    expect(Math.abs(near + next - 12_000_000)).toBeLessThanOrEqual(130);
  });
});

describe('the simulator\'s NIFTY and BANKNIFTY futures OI', () => {
  const calendar = createDefaultNseCalendar();
  const simOf = (seed: number, date: string, time: string) => new MarketSimulator({ seed, startDate: '2026-03-02', tickIntervalMs: 15 * 60_000, calendar }, new FixedClock(epochMsOfIst(date, time)));
  const seriesOf = async (seed: number, underlying: string) => {
    const out: [number, number][] = [];
    for (const date of ['2026-03-09', '2026-03-16', '2026-03-23', '2026-03-27']) {
      const sim = simOf(seed, date, '11:00');
      const expiries = (await sim.instruments(date)).filter((r) => r.kind === 'FUT' && r.underlying === underlying).map((r) => r.expiry);
      const quotes = await Promise.all(expiries.map((expiry) => sim.futuresQuote({ underlying, expiry })));
      out.push([quotes.reduce((a, q) => a + q.openInterest!, 0), quotes.reduce((a, q) => a + q.previousOpenInterest!, 0)]);
    }
    return out;
  };

  it('quotes every listed index future with its OI now and at the previous close, in whole lots of plausible size', async () => {
    const sim = simOf(3, '2026-03-10', '12:00');
    const master = await sim.instruments('2026-03-10');
    const bank = master.filter((r) => r.kind === 'FUT' && r.underlying === 'BANKNIFTY');
    expect(bank.map((r) => [r.expiry, r.lotSize, r.tradingSymbol])).toEqual([
      ['2026-03-30', 30, 'BANKNIFTY-2026-03-30-FUT'],
      ['2026-04-28', 30, 'BANKNIFTY-2026-04-28-FUT'],
      ['2026-05-26', 30, 'BANKNIFTY-2026-05-26-FUT'],
    ]);
    expect(master.filter((r) => r.kind === 'OPT' && r.underlying === 'BANKNIFTY')).toEqual([]);
    for (const [underlying, lot, low, high] of [['NIFTY', 65, 6e6, 2.4e7], ['BANKNIFTY', 30, 1.2e6, 4.8e6]] as const) {
      const expiries = master.filter((r) => r.kind === 'FUT' && r.underlying === underlying).map((r) => r.expiry);
      const quotes = await Promise.all(expiries.map((expiry) => sim.futuresQuote({ underlying, expiry })));
      for (const q of quotes) {
        expect(q.openInterest! % lot).toBe(0);
        expect(q.previousOpenInterest! % lot).toBe(0);
        expect(q.source).toBe('MODELLED');
      }
      // The near month holds most of it away from expiry; the total sits near the index's base.
      expect(quotes[0].openInterest!).toBeGreaterThan(quotes[1].openInterest! * 3);
      const total = quotes.reduce((a, q) => a + q.openInterest!, 0);
      expect(total).toBeGreaterThan(low);
      expect(total).toBeLessThan(high);
    }
    const bankSpot = await sim.quote('NIFTY BANK');
    const bankNear = await sim.quote('BANKNIFTY-2026-03-30-FUT');
    expect(bankNear.lastPrice / bankSpot.lastPrice - 1).toBeGreaterThan(0);
    expect(bankNear.lastPrice / bankSpot.lastPrice - 1).toBeLessThan(0.01);
  });

  it('is the same series for the same seed and another for another seed, and moves from day to day', async () => {
    const a = await seriesOf(8, 'NIFTY');
    expect(await seriesOf(8, 'NIFTY')).toEqual(a);
    expect(await seriesOf(9, 'NIFTY')).not.toEqual(a);
    expect(new Set(a.map(([oi]) => oi)).size).toBe(4);
    expect(a.every(([oi, prev]) => oi !== prev)).toBe(true);
    expect(await seriesOf(8, 'BANKNIFTY')).toEqual(await seriesOf(8, 'BANKNIFTY'));
  });

  it('carries each contract\'s close to the next session\'s previous OI', async () => {
    const close = simOf(4, '2026-03-11', '15:30');
    await close.quote('NIFTY 50');
    const closing = (await close.futuresQuote({ underlying: 'NIFTY', expiry: '2026-04-28' })).openInterest;
    const next = simOf(4, '2026-03-12', '10:00');
    expect((await next.futuresQuote({ underlying: 'NIFTY', expiry: '2026-04-28' })).previousOpenInterest).toBe(closing);
  });
});
