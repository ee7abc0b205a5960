/**
 * Market simulator benchmark: simulated ticks per second (1-second ticks, NIFTY, VIX, 10
 * sectors, 50 stocks per tick), building a full NIFTY option chain (101 strikes × CE/PE, skew
 * pricing and OI), and chain analytics on it (PCR, max pain, OI change, IV + greeks of all
 * 202 quotes through the domain's priceChain). Target: analytics ≤ 0.5 ms per chain.
 */
import { epochMsOfIst, FixedClock } from '@mcube/domain';
import { analyzeChain, MarketSimulator, yearsToExpiry } from '@mcube/market-sim';
import { printTable, timeMedian, writeResult } from './bench-harness';

const RUNS = 7;
const TICKS = 20_000;
const CHAIN_REPEATS = 200;
const TARGETS = { analyticsMs: 0.5 };

export function runMarketSimBenchmark(): boolean {
  const sim = new MarketSimulator({ seed: 2026, startDate: '2026-03-02', tickIntervalMs: 1000, warmupTradingDays: 0 }, new FixedClock(0));
  const ticks = timeMedian({
    runs: RUNS,
    operations: TICKS,
    body: () => {
      let s = 0;
      for (let i = 0; i < TICKS; i++) s += sim.step().nifty;
      return s;
    },
  });
  const clockSim = new MarketSimulator({ seed: 2026, startDate: '2026-03-02', tickIntervalMs: 1000 }, new FixedClock(0));
  clockSim.advanceTo(epochMsOfIst('2026-03-04', '11:00'));
  let chain = clockSim.chainNow('2026-03-10');
  const build = timeMedian({
    runs: RUNS,
    operations: CHAIN_REPEATS,
    body: () => {
      let s = 0;
      for (let i = 0; i < CHAIN_REPEATS; i++) {
        chain = clockSim.chainNow('2026-03-10');
        s += chain.strikes.length;
      }
      return s;
    },
  });
  const years = yearsToExpiry(epochMsOfIst('2026-03-04', '11:00'), '2026-03-10', '15:30');
  const analytics = timeMedian({
    runs: RUNS,
    operations: CHAIN_REPEATS,
    body: () => {
      let s = 0;
      for (let i = 0; i < CHAIN_REPEATS; i++) s += analyzeChain(chain, { years, rate: 0.065, dividendYield: 0.012 }).maxPain ?? 0;
      return s;
    },
  });
  const ticksPerSecond = 1e9 / ticks.medianNs;
  const buildMs = build.medianNs / 1e6;
  const analyticsMs = analytics.medianNs / 1e6;
  const ok = analyticsMs <= TARGETS.analyticsMs;
  printTable([
    ['measure', 'median', 'target'],
    ['simulator ticks per second (1 s ticks)', ticksPerSecond.toFixed(0), '-'],
    [`option chain build, ${chain.strikes.length} strikes (ms)`, buildMs.toFixed(3), '-'],
    [`chain analytics, ${chain.strikes.length * 2} quotes (ms)`, analyticsMs.toFixed(3), `≤ ${TARGETS.analyticsMs}`],
  ]);
  writeResult('market-sim', { ticksPerSecond, chainBuildMs: buildMs, chainAnalyticsMs: analyticsMs, strikes: chain.strikes.length, targets: TARGETS, ok });
  return ok;
}
