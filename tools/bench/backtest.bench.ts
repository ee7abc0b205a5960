/**
 * Backtest benchmark (libs/backtest) on the shared data, read in place:
 * 1. the engine's hot loop: the ten-year event stream (15-minute NIFTY and VIX bars, day
 *    boundaries, 25 ticks a day) through the loop with a strategy that does nothing, in events
 *    per second (median of 7 runs; target ≥ 1,000,000 per core);
 * 2. the ten-year strangle (2016-06-01 to the end of the data) with the real strategy ticked
 *    at its decision times only (10:00 entry, 15:15 EOD): wall time (median of 3; target < 1 s);
 * 3. the same with the strategy ticked every 15 minutes (the default run): wall time, and the
 *    share of it spent inside the strategy's own ticks (what bounds it).
 */
import { createDefaultNseCalendar, FixedClock } from '@mcube/domain';
import { buildEventStream, ENGINE_DEFAULTS, kotakStrangleFactory, MarketHistory, MarketState, runBacktest, runEventLoop, type StrategyFactory } from '@mcube/backtest';
import { sharedDataDir } from '@mcube/testing';
import { existsSync } from 'fs';
import { median, printTable, writeResult } from './bench-harness';

const TARGETS = { hotLoopEventsPerSecond: 1_000_000, dailyTenYearSeconds: 1 };
const FROM = '2016-06-01';

/** CPU seconds (user + system) of this process since `from` (a shared machine makes wall time noisy). */
function cpuSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

/** The real strangle, with the time spent inside its ticks measured. */
function timedStrangle(spent: { ms: number }): StrategyFactory {
  const { factory } = kotakStrangleFactory();
  return (host) => {
    const s = factory(host);
    return {
      name: s.name,
      parameters: s.parameters,
      accountId: s.accountId,
      get busy() {
        return s.busy;
      },
      tick: async (ms) => {
        const t = performance.now();
        await s.tick(ms);
        spent.ms += performance.now() - t;
      },
    };
  };
}

export async function runBacktestBenchmark(): Promise<boolean> {
  if (!existsSync(sharedDataDir)) {
    console.log(`no shared data at ${sharedDataDir} (set MCUBE_SHARED_DATA): backtest benchmark not run`);
    return false;
  }
  const calendar = createDefaultNseCalendar();
  let t = performance.now();
  const history = MarketHistory.load(sharedDataDir, calendar);
  const loadMs = performance.now() - t;
  const to = history.lastDate;

  const stream = buildEventStream({ history, calendar, from: FROM, to, tickMinutes: 15 });
  const hooks = { onDayOpen: () => undefined, onTick: async () => undefined, onDayClose: async () => undefined };
  await runEventLoop(stream, new MarketState(), new FixedClock(0), hooks);
  const loopRuns: number[] = [];
  for (let r = 0; r < 7; r++) {
    const cpu = process.cpuUsage();
    await runEventLoop(stream, new MarketState(), new FixedClock(0), hooks);
    loopRuns.push(cpuSince(cpu));
  }
  const eventsPerSecond = stream.length / median(loopRuns);

  const daily = { ...ENGINE_DEFAULTS, tickTimes: ['10:00', '15:15'] };
  const dailyRuns: number[] = [];
  const dailyWall: number[] = [];
  let dailyTrades = 0;
  for (let r = 0; r < 3; r++) {
    const cpu = process.cpuUsage();
    t = performance.now();
    const run = await runBacktest({ history, calendar, from: FROM, to, strategy: kotakStrangleFactory().factory, params: daily });
    dailyRuns.push(cpuSince(cpu));
    dailyWall.push((performance.now() - t) / 1000);
    dailyTrades = run.book.all().length;
  }
  const dailySeconds = median(dailyRuns);

  const spent = { ms: 0 };
  const cpu = process.cpuUsage();
  t = performance.now();
  const full = await runBacktest({ history, calendar, from: FROM, to, strategy: timedStrangle(spent), params: ENGINE_DEFAULTS });
  const fullWall = (performance.now() - t) / 1000;
  const fullSeconds = cpuSince(cpu);
  const strategyShare = spent.ms / 1000 / fullWall;

  const ok = eventsPerSecond >= TARGETS.hotLoopEventsPerSecond && dailySeconds < TARGETS.dailyTenYearSeconds;
  printTable([
    ['measure (CPU time of one core; wall in brackets)', 'median', 'target'],
    [`load the shared data (wall s)`, (loadMs / 1000).toFixed(2), '-'],
    [`hot loop, ${stream.length} events ${FROM}…${to} (events/s)`, eventsPerSecond.toFixed(0), `≥ ${TARGETS.hotLoopEventsPerSecond}`],
    [`10-year strangle, ticks 10:00 + 15:15, ${dailyTrades} positions (s)`, `${dailySeconds.toFixed(2)} (${median(dailyWall).toFixed(2)})`, `< ${TARGETS.dailyTenYearSeconds}`],
    [`10-year strangle, 15-minute ticks, ${full.stats.ticks} ticks (s)`, `${fullSeconds.toFixed(2)} (${fullWall.toFixed(2)})`, '-'],
    ['  share inside the strategy\'s own ticks', `${(strategyShare * 100).toFixed(0)}%`, '-'],
    ['  events/s including the strategy', (full.stats.events / fullSeconds).toFixed(0), '-'],
  ]);
  writeResult('backtest', { loadSeconds: loadMs / 1000, events: stream.length, eventsPerSecond, dailyTenYearCpuSeconds: dailySeconds, fullTenYearCpuSeconds: fullSeconds, fullTenYearWallSeconds: fullWall, ticks: full.stats.ticks, strategyShare, targets: TARGETS, ok });
  return ok;
}
