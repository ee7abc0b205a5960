import { assertFinite, assertIsoDate, assertPositive, createDefaultNseCalendar, DomainError } from '@mcube/domain';
import { DEFAULT_SKEW } from './option-pricing-model';
import type { MarketSimConfig, ResolvedSimConfig } from './sim-config';
import { SIM_SECTORS, SIM_STOCKS } from './stock-universe.data';

/**
 * The config with defaults: 1 s ticks, NIFTY 24,500, VIX 14 (NORMAL regime), rate 6.5 %,
 * dividend yield 1.2 %, 4 jumps a year of 2 %, 20 % of variance overnight, the NIFTY put skew,
 * ±50 strikes, the 10 sectors and 50 stocks. Throws INVALID_ARGUMENT / INVALID_DATE on bad values.
 */
export function resolveSimConfig(config: MarketSimConfig): ResolvedSimConfig {
  if (!config || typeof config !== 'object') throw new DomainError('INVALID_ARGUMENT', 'the simulator needs { seed, startDate }');
  if (!Number.isInteger(config.seed)) throw new DomainError('INVALID_ARGUMENT', `seed must be an integer, got ${config.seed}`);
  assertIsoDate(config.startDate);
  const resolved: ResolvedSimConfig = {
    seed: config.seed,
    startDate: config.startDate,
    calendar: config.calendar ?? createDefaultNseCalendar(),
    tickIntervalMs: config.tickIntervalMs ?? 1000,
    niftyStart: config.niftyStart ?? 24_500,
    vixStart: config.vixStart ?? 14,
    regimeStart: config.regimeStart ?? 'NORMAL',
    rate: config.rate ?? 0.065,
    dividendYield: config.dividendYield ?? 0.012,
    jumpsPerYear: config.jumpsPerYear ?? 4,
    jumpStd: config.jumpStd ?? 0.02,
    overnightVarianceShare: config.overnightVarianceShare ?? 0.2,
    skew: config.skew ?? DEFAULT_SKEW,
    strikesEachSide: config.strikesEachSide ?? 50,
    warmupTradingDays: config.warmupTradingDays ?? 30,
    stockHistoryTradingDays: config.stockHistoryTradingDays ?? 0,
    indexHistoryTradingDays: config.indexHistoryTradingDays ?? 0,
    sectors: config.sectors ?? SIM_SECTORS,
    stocks: config.stocks ?? SIM_STOCKS,
    events: config.events,
  };
  assertPositive('tickIntervalMs', resolved.tickIntervalMs);
  if (!Number.isInteger(resolved.tickIntervalMs) || resolved.tickIntervalMs < 100) {
    throw new DomainError('INVALID_ARGUMENT', `tickIntervalMs must be a whole number ≥ 100, got ${resolved.tickIntervalMs}`);
  }
  assertPositive('niftyStart', resolved.niftyStart);
  assertPositive('vixStart', resolved.vixStart);
  assertFinite('rate', resolved.rate);
  assertFinite('dividendYield', resolved.dividendYield);
  if (!(resolved.overnightVarianceShare >= 0 && resolved.overnightVarianceShare < 1)) {
    throw new DomainError('INVALID_ARGUMENT', `overnightVarianceShare must be in [0, 1), got ${resolved.overnightVarianceShare}`);
  }
  if (!(resolved.jumpsPerYear >= 0) || !(resolved.jumpStd >= 0)) throw new DomainError('INVALID_ARGUMENT', 'jumpsPerYear and jumpStd must be ≥ 0');
  for (const key of ['warmupTradingDays', 'stockHistoryTradingDays', 'indexHistoryTradingDays'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 0) throw new DomainError('INVALID_ARGUMENT', `${key} must be a whole number ≥ 0, got ${resolved[key]}`);
  }
  return resolved;
}
