import { compareTimes, DomainError, STRANGLE_FILTER_DEFAULTS } from '@mcube/domain';
import { KOTAK_STRANGLE_CONFIG_DEFAULTS, type KotakStrangleConfig } from './kotak-strangle.config';

/** One invalid field, named by its path ('targetPct', 'filters.maxVix'), for the configuration screen. */
export interface ConfigFieldError {
  readonly field: string;
  readonly message: string;
}

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
type Check = (v: unknown) => string | null;

const num = (pred: (n: number) => boolean, what: string): Check => (v) =>
  typeof v === 'number' && Number.isFinite(v) && pred(v) ? null : `must be ${what}, got ${JSON.stringify(v)}`;
const positive = num((n) => n > 0, 'a number > 0');
const nonNegative = num((n) => n >= 0, 'a number ≥ 0');
const fraction = num((n) => n > 0 && n <= 1, 'a fraction in (0, 1] (0.40 means 40%)');
const unitInterval = num((n) => n >= 0 && n <= 1, 'a fraction in [0, 1]');
const wholeAtLeast = (min: number) => num((n) => Number.isSafeInteger(n) && n >= min, `a whole number ≥ ${min}`);
const finite = num(() => true, 'a finite number');
const time: Check = (v) => (typeof v === 'string' && TIME_RE.test(v) ? null : `must be an IST time 'HH:MM', got ${JSON.stringify(v)}`);
const text: Check = (v) => (typeof v === 'string' && v.trim().length > 0 ? null : 'must be a non-empty text');
const mode: Check = (v) => (v === 'TOUCH' || v === 'MID' ? null : `must be TOUCH or MID, got ${JSON.stringify(v)}`);

const FIELD_CHECKS: Record<Exclude<keyof KotakStrangleConfig, 'filters'>, Check> = {
  accountId: text,
  underlying: text,
  entryWindowStart: time,
  entryWindowEnd: time,
  entryTime: time,
  eodTime: time,
  targetPct: num((n) => n > 0 && n <= 100, 'a percentage in (0, 100]'),
  stopLossPct: positive,
  eodMinProfitPct: num((n) => n >= 0 && n <= 100, 'a percentage in [0, 100]'),
  perPositionStopPaise: wholeAtLeast(1),
  baseDeltaPct: positive,
  roundTo: num((n) => n > 0 && n % 50 === 0, 'a positive multiple of the 50-point strike interval'),
  vixElevatedAbove: nonNegative,
  vixHighAbove: nonNegative,
  elevatedMultiplier: positive,
  highMultiplier: positive,
  minDaysToExpiry: wholeAtLeast(0),
  supportResistanceBufferPoints: nonNegative,
  biasThresholdPct: positive,
  biasShiftSteps: wholeAtLeast(0),
  minCombinedPremium: nonNegative,
  minPremiumPerLotPaise: wholeAtLeast(0),
  entryLimitMode: mode,
  exitLimitMode: mode,
  legFillTimeoutMs: wholeAtLeast(1),
  closeOrderTimeoutMs: wholeAtLeast(1),
  monitorIntervalMs: wholeAtLeast(1),
  holdJournalIntervalMs: wholeAtLeast(0),
  deltaAlertRepeatMs: wholeAtLeast(0),
  deltaThreshold: positive,
  allocatedCapitalPaise: wholeAtLeast(0),
  maxMarginUsage: fraction,
  firstTradeFraction: fraction,
  maxLots: wholeAtLeast(0),
  marginPctOfNotional: unitInterval,
  expiryExtraMarginPct: unitInterval,
  riskFreeRate: finite,
  dividendYield: finite,
};

/**
 * Every field error of a candidate configuration (empty when valid): types and ranges of each
 * field, then the cross-field rules (entry window start < end, evaluation time inside the
 * window, VIX elevated ≤ high, filter thresholds ≥ 0 with a whole-day event lookahead).
 * Never throws: a configuration screen shows the list.
 */
export function validateKotakStrangleConfig(candidate: unknown): ConfigFieldError[] {
  if (!candidate || typeof candidate !== 'object') return [{ field: '', message: 'configuration must be an object' }];
  const c = candidate as Record<string, unknown>;
  const errors: ConfigFieldError[] = [];
  for (const [field, check] of Object.entries(FIELD_CHECKS)) {
    const message = check(c[field]);
    if (message) errors.push({ field, message });
  }
  const filters = c['filters'];
  if (!filters || typeof filters !== 'object') {
    errors.push({ field: 'filters', message: 'must be an object of filter thresholds' });
  } else {
    for (const key of Object.keys(STRANGLE_FILTER_DEFAULTS)) {
      const v = (filters as Record<string, unknown>)[key];
      const message = key === 'eventLookaheadDays' ? wholeAtLeast(0)(v) : nonNegative(v);
      if (message) errors.push({ field: `filters.${key}`, message });
    }
  }
  const bad = new Set(errors.map((e) => e.field));
  const ok = (...fields: string[]) => fields.every((f) => !bad.has(f));
  if (ok('entryWindowStart', 'entryWindowEnd') && compareTimes(c['entryWindowStart'] as string, c['entryWindowEnd'] as string) >= 0) {
    errors.push({ field: 'entryWindowEnd', message: 'must be after entryWindowStart' });
  }
  if (
    ok('entryWindowStart', 'entryWindowEnd', 'entryTime') &&
    (compareTimes(c['entryTime'] as string, c['entryWindowStart'] as string) < 0 || compareTimes(c['entryTime'] as string, c['entryWindowEnd'] as string) >= 0)
  ) {
    errors.push({ field: 'entryTime', message: 'must lie inside the entry window [start, end)' });
  }
  if (ok('vixElevatedAbove', 'vixHighAbove') && (c['vixElevatedAbove'] as number) > (c['vixHighAbove'] as number)) {
    errors.push({ field: 'vixHighAbove', message: 'must not be below vixElevatedAbove' });
  }
  return errors;
}

/**
 * Defaults overlaid with `overrides` (filters merged field by field), validated.
 * @throws DomainError INVALID_ARGUMENT listing every field error when the result is invalid.
 */
export function resolveKotakStrangleConfig(overrides: Partial<Omit<KotakStrangleConfig, 'filters'>> & { filters?: Partial<KotakStrangleConfig['filters']> } = {}): KotakStrangleConfig {
  const config: KotakStrangleConfig = {
    ...KOTAK_STRANGLE_CONFIG_DEFAULTS,
    ...overrides,
    filters: { ...KOTAK_STRANGLE_CONFIG_DEFAULTS.filters, ...overrides.filters },
  };
  const errors = validateKotakStrangleConfig(config);
  if (errors.length > 0) {
    throw new DomainError('INVALID_ARGUMENT', `invalid strangle configuration: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, { errors });
  }
  return config;
}
