import { createDefaultNseCalendar, epochMsOfIst, FixedClock, isOnTick, lotSizeFor, type OptionChainSnapshot } from '@mcube/domain';
import { listedOptionExpiries } from '../instruments/instrument-master';
import { MarketSimulator } from './market-simulator';
import { yearsToExpiry } from './model-chain';

const RATE = 0.065;
const DIVIDEND_YIELD = 0.012;
const TICK = 0.05;

async function chainsAt(date: string, time: string, seed = 9): Promise<{ sim: MarketSimulator; chains: OptionChainSnapshot[] }> {
  const sim = new MarketSimulator({ seed, startDate: '2026-01-05', tickIntervalMs: 5 * 60_000, rate: RATE, dividendYield: DIVIDEND_YIELD }, new FixedClock(epochMsOfIst(date, time)));
  await sim.quote('NIFTY 50');
  const expiries = listedOptionExpiries({ calendar: createDefaultNseCalendar(), date });
  const chains = await Promise.all(expiries.map((expiry) => sim.optionChain({ underlying: 'NIFTY', expiry })));
  return { sim, chains };
}

describe('simulated option chains', () => {
  // 2026-02-17 is a Tuesday weekly expiry: its chain is checked an hour before expiry too.
  const moments: [string, string][] = [['2026-02-10', '09:15'], ['2026-02-12', '12:40'], ['2026-02-17', '14:30']];

  it.each(moments)('has no arbitrage on %s %s: calls fall and puts rise with strike, put-call parity within a tick', async (date, time) => {
    const { chains } = await chainsAt(date, time);
    expect(chains.length).toBeGreaterThanOrEqual(5);
    for (const chain of chains) {
      const years = yearsToExpiry(chain.asOfMs, chain.expiry, '15:30');
      const rows = chain.strikes;
      expect(rows.length).toBe(101);
      for (let i = 0; i < rows.length; i++) {
        const { strike, call, put } = rows[i];
        if (!call || !put) throw new Error('both sides expected');
        expect(isOnTick(call.lastPrice) && isOnTick(put.lastPrice)).toBe(true);
        const parity = chain.spot * Math.exp(-DIVIDEND_YIELD * years) - strike * Math.exp(-RATE * years);
        expect(Math.abs(call.lastPrice - put.lastPrice - parity)).toBeLessThanOrEqual(TICK + 1e-9);
        if (i > 0) {
          expect(call.lastPrice).toBeLessThanOrEqual(rows[i - 1].call!.lastPrice);
          expect(put.lastPrice).toBeGreaterThanOrEqual(rows[i - 1].put!.lastPrice);
          expect(strike - rows[i - 1].strike).toBe(50);
        }
        expect(call.source).toBe('MODELLED');
        expect(call.bid!).toBeLessThanOrEqual(call.lastPrice);
        expect(call.ask!).toBeGreaterThanOrEqual(call.lastPrice);
      }
    }
  });

  it('prices out-of-the-money puts at a higher volatility than calls the same distance away (skew)', async () => {
    const { chains } = await chainsAt('2026-02-10', '11:00');
    const chain = chains[1];
    const atm = Math.round(chain.spot / 50) * 50;
    const put = chain.strikes.find((r) => r.strike === atm - 500)!.put!;
    const call = chain.strikes.find((r) => r.strike === atm + 500)!.call!;
    expect(put.impliedVolatility!).toBeGreaterThan(call.impliedVolatility!);
  });

  it('concentrates OI at round strikes, puts below spot and calls above, in whole lots', async () => {
    const { chains } = await chainsAt('2026-02-10', '15:00');
    const chain = chains[0];
    const lot = lotSizeFor({ underlying: 'NIFTY', expiry: chain.expiry });
    const maxBy = (side: 'call' | 'put') => chain.strikes.reduce((best, r) => ((r[side]!.openInterest ?? 0) > (best[side]!.openInterest ?? 0) ? r : best));
    expect(maxBy('put').strike).toBeLessThan(chain.spot);
    expect(maxBy('call').strike).toBeGreaterThan(chain.spot);
    expect(maxBy('put').strike % 100).toBe(0);
    expect(maxBy('call').strike % 100).toBe(0);
    for (const r of chain.strikes) expect((r.call!.openInterest ?? 0) % lot).toBe(0);
  });

  it('evolves OI through the day: the change from the previous close grows from the open', async () => {
    const totalChange = (c: OptionChainSnapshot) => c.strikes.reduce((a, r) => a + Math.abs(r.call!.openInterestChange ?? 0) + Math.abs(r.put!.openInterestChange ?? 0), 0);
    const open = await chainsAt('2026-02-11', '09:15');
    const late = await chainsAt('2026-02-11', '15:00');
    expect(totalChange(open.chains[0])).toBeLessThan(totalChange(late.chains[0]));
    expect(totalChange(late.chains[0])).toBeGreaterThan(0);
  });

  it('rejects an expiry that is not listed', async () => {
    const { sim } = await chainsAt('2026-02-10', '10:00');
    await expect(sim.optionChain({ underlying: 'NIFTY', expiry: '2026-02-11' })).rejects.toMatchObject({ name: 'BrokerError', kind: 'REJECTED' });
    await expect(sim.optionChain({ underlying: 'BANKNIFTY', expiry: '2026-02-24' })).rejects.toMatchObject({ kind: 'REJECTED' });
  });
});
