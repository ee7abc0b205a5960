import { createDefaultNseCalendar, type NseCalendar } from '@mcube/domain';
import { sharedDataDir } from '@mcube/testing';
import { MarketHistory } from '../data/market-history';
import { runBacktest, type BacktestRun } from '../engine/backtest-engine';
import { ENGINE_DEFAULTS, type EngineParams } from '../engine/engine-params';
import { kotakStrangleFactory, type KotakStrangleOverrides } from '../strategy/kotak-strangle.adapter';
import type { StrategyFactory } from '../strategy/strategy-host';

let cached: { history: MarketHistory; calendar: NseCalendar } | null = null;

/** The shared market history (read in place from `sharedDataDir`), loaded once per test process. */
export function sharedHistory(): { history: MarketHistory; calendar: NseCalendar } {
  if (!cached) {
    const calendar = createDefaultNseCalendar();
    cached = { history: MarketHistory.load(sharedDataDir, calendar), calendar };
  }
  return cached;
}

/** A backtest of the real strangle on the shared data with the engine's defaults (overridable). */
export function runOnSharedData(input: { from: string; to: string; strategy?: KotakStrangleOverrides; factory?: StrategyFactory; engine?: Partial<EngineParams>; endMs?: number; keepFullDecisions?: boolean }): Promise<BacktestRun> {
  const { history, calendar } = sharedHistory();
  return runBacktest({
    history,
    calendar,
    from: input.from,
    to: input.to,
    strategy: input.factory ?? kotakStrangleFactory(input.strategy).factory,
    params: { ...ENGINE_DEFAULTS, ...input.engine },
    endMs: input.endMs,
    keepFullDecisions: input.keepFullDecisions,
  });
}
