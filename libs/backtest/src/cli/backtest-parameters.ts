import { KOTAK_STRANGLE_CONFIG_DEFAULTS, validateKotakStrangleConfig } from '@mcube/strategy-kotak-strangle';
import type { StoredRiskLimits } from '@mcube/domain';
import { BacktestInputError } from '../backtest-input-error';
import { ENGINE_DEFAULTS, type EngineParams } from '../engine/engine-params';
import type { KotakStrangleOverrides } from '../strategy/kotak-strangle.adapter';

/** Engine keys (`engine.<key>`) and how each is applied. */
const ENGINE_KEYS: Readonly<Record<string, (p: Mutable<EngineParams>, v: string) => void>> = {
  capitalPaise: (p, v) => (p.capitalPaise = whole(v, 'engine.capitalPaise', 1)),
  slippageTicks: (p, v) => (p.slippageTicks = whole(v, 'engine.slippageTicks', 0)),
  strikesEachSide: (p, v) => (p.strikesEachSide = whole(v, 'engine.strikesEachSide', 5)),
  tickMinutes: (p, v) => (p.tickMinutes = whole(v, 'engine.tickMinutes', 1)),
  halfSpreadPct: (p, v) => (p.pricing = { ...p.pricing, halfSpreadPct: numberIn(v, 'engine.halfSpreadPct', 0, 50) }),
  minHalfSpreadTicks: (p, v) => (p.pricing = { ...p.pricing, minHalfSpreadTicks: whole(v, 'engine.minHalfSpreadTicks', 0) }),
  skewSlope: (p, v) => (p.pricing = { ...p.pricing, skew: { ...p.pricing.skew, slope: numberIn(v, 'engine.skewSlope', -1, 1) } }),
  skewCurvature: (p, v) => (p.pricing = { ...p.pricing, skew: { ...p.pricing.skew, curvature: numberIn(v, 'engine.skewCurvature', -1, 1) } }),
  rate: (p, v) => (p.pricing = { ...p.pricing, rate: numberIn(v, 'engine.rate', -0.1, 0.5) }),
  dividendYield: (p, v) => (p.pricing = { ...p.pricing, dividendYield: numberIn(v, 'engine.dividendYield', -0.1, 0.5) }),
  breakerReset: (p, v) => {
    if (v !== 'NEXT_DAY' && v !== 'NEVER') throw bad('engine.breakerReset', v, 'NEXT_DAY or NEVER');
    p.breakerReset = v;
  },
  fills: (p, v) => {
    if (v !== 'same-tick' && v !== 'after-tick') throw bad('engine.fills', v, "'same-tick' (matched when sent) or 'after-tick' (matched after the strategy's tick, seen at the next, as in the API)");
    p.fills = v === 'after-tick' ? 'AFTER_TICK' : 'SAME_TICK';
  },
  ticks: (p, v) => {
    if (v !== 'daily' && v !== 'intraday') throw bad('engine.ticks', v, "'intraday' (every engine.tickMinutes) or 'daily' (the strategy's entry and EOD times only)");
    p.tickTimes = v === 'daily' ? ['daily'] : undefined;
  },
};

/** Risk-limit keys (`risk.<key>`): the stored row the risk checks and the breaker read. */
const RISK_KEYS: Readonly<Record<keyof StoredRiskLimits, 'paise' | 'paiseOrOff' | 'fraction' | 'boolean' | 'days'>> = {
  maxMarginUsagePct: 'fraction',
  firstTradeFraction: 'fraction',
  perPositionStopPaise: 'paiseOrOff',
  perTradeRiskPaise: 'paiseOrOff',
  dailyLossLimitPaise: 'paise',
  // Never off (DECISIONS §6): a stored null is the broker's default, so 'off' would not mean off.
  weeklyLossLimitPaise: 'paise',
  weeklyProfitTargetPaise: 'paise',
  monthlyProfitTargetPaise: 'paise',
  pauseOnProfitTarget: 'boolean',
  maxDrawdownPct: 'fraction',
  maxLeverage: 'paiseOrOff',
  maxTotalExposurePaise: 'paiseOrOff',
  maxPositionExposurePaise: 'paiseOrOff',
  requiresApproval: 'boolean',
  minDaysToExpiryOptions: 'days',
  minDaysToExpiryFutures: 'days',
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const bad = (key: string, value: string, what: string) => new BacktestInputError('BAD_PARAMETER', `--param ${key}=${value}: must be ${what}`);

function numberIn(v: string, key: string, min: number, max: number): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw bad(key, v, `a number in [${min}, ${max}]`);
  return n;
}

function whole(v: string, key: string, min: number): number {
  const n = Number(v);
  if (!/^-?\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min) throw bad(key, v, `a whole number ≥ ${min}`);
  return n;
}

function riskValue(key: keyof StoredRiskLimits, v: string): number | boolean | null {
  const kind = RISK_KEYS[key];
  const name = `risk.${key}`;
  if (kind === 'boolean') {
    if (v !== 'true' && v !== 'false') throw bad(name, v, 'true or false');
    return v === 'true';
  }
  if (kind === 'paiseOrOff' && (v === 'off' || v === 'null')) return null;
  if (kind === 'fraction') return numberIn(v, name, 0, 1);
  if (kind === 'days') return whole(v, name, 0);
  return whole(v, name, 0);
}

/** A strategy value from text: a number when numeric, true/false, else the text. */
function strategyValue(v: string): unknown {
  if (v === 'true' || v === 'false') return v === 'true';
  return v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
}

/** What `--param key=value …` resolved to. */
export interface ResolvedParameters {
  readonly strategy: KotakStrangleOverrides;
  readonly engine: EngineParams;
  /** The `--param` pairs as given (for the report). */
  readonly given: Readonly<Record<string, string>>;
}

/**
 * Parses `key=value` pairs: bare keys are the strangle's stored parameters (`filters.<name>`
 * for the entry filters), `risk.<key>` the account's risk limits, `engine.<key>` the simulation.
 * Throws BacktestInputError UNKNOWN_PARAMETER for a key nobody knows, BAD_PARAMETER for a bad
 * value or a strategy configuration that does not validate (every field error listed).
 */
export function resolveParameters(pairs: readonly string[]): ResolvedParameters {
  const engine: Mutable<EngineParams> = { ...ENGINE_DEFAULTS, riskLimits: { ...ENGINE_DEFAULTS.riskLimits } };
  const risk: Record<string, unknown> = {};
  const strategy: Record<string, unknown> = {};
  const filters: Record<string, unknown> = {};
  const given: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new BacktestInputError('BAD_ARGUMENT', `--param needs key=value, got '${pair}'`);
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (key in given) throw new BacktestInputError('BAD_ARGUMENT', `--param ${key} is given twice`);
    given[key] = value;
    if (key.startsWith('engine.') && ENGINE_KEYS[key.slice(7)]) ENGINE_KEYS[key.slice(7)](engine, value);
    else if (key.startsWith('risk.') && key.slice(5) in RISK_KEYS) risk[key.slice(5)] = riskValue(key.slice(5) as keyof StoredRiskLimits, value);
    else if (key.startsWith('filters.') && key.slice(8) in KOTAK_STRANGLE_CONFIG_DEFAULTS.filters) filters[key.slice(8)] = strategyValue(value);
    else if (key !== 'filters' && key in KOTAK_STRANGLE_CONFIG_DEFAULTS) strategy[key] = strategyValue(value);
    else throw new BacktestInputError('UNKNOWN_PARAMETER', `unknown parameter '${key}': use a kotak-strangle parameter (${Object.keys(KOTAK_STRANGLE_CONFIG_DEFAULTS).filter((k) => k !== 'filters').join(', ')}), filters.<${Object.keys(KOTAK_STRANGLE_CONFIG_DEFAULTS.filters).join('|')}>, risk.<${Object.keys(RISK_KEYS).join('|')}> or engine.<${Object.keys(ENGINE_KEYS).join('|')}>`);
  }
  const overrides = { ...strategy, ...(Object.keys(filters).length > 0 ? { filters } : {}) } as KotakStrangleOverrides;
  const candidate = { ...KOTAK_STRANGLE_CONFIG_DEFAULTS, ...overrides, filters: { ...KOTAK_STRANGLE_CONFIG_DEFAULTS.filters, ...filters } };
  const errors = validateKotakStrangleConfig(candidate);
  if (errors.length > 0) throw new BacktestInputError('BAD_PARAMETER', `invalid kotak-strangle parameters: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  engine.riskLimits = { ...engine.riskLimits, ...risk } as StoredRiskLimits;
  // The account's capital is the strategy's allocated capital unless the engine's is given.
  if (!('engine.capitalPaise' in given)) engine.capitalPaise = candidate.allocatedCapitalPaise;
  if (engine.tickTimes) engine.tickTimes = [candidate.entryTime, candidate.eodTime];
  return { strategy: overrides, engine, given };
}
