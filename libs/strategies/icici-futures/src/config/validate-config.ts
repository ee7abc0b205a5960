import { assertScreeningWeights, compareTimes, DomainError, SCREENING_WEIGHTS } from '@mcube/domain';
import { ICICI_FUTURES_CONFIG_DEFAULTS, type IciciFuturesConfig } from './icici-futures.config';

/** One invalid field, named by its path ('stopLossPct', 'scoreWeights.oi'), for the configuration screen. */
export interface ConfigFieldError {
  readonly field: string;
  readonly message: string;
}

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
type Check = (v: unknown) => string | null;

const num = (pred: (n: number) => boolean, what: string): Check => (v) =>
  typeof v === 'number' && Number.isFinite(v) && pred(v) ? null : `must be ${what}, got ${JSON.stringify(v)}`;
const positive = num((n) => n > 0, 'a number > 0');
const percentBelow100 = num((n) => n > 0 && n < 100, 'a percent in (0, 100) (0.5 means half a percent)');
const fraction = num((n) => n > 0 && n <= 1, 'a fraction in (0, 1] (0.2 means 20%)');
const unitInterval = num((n) => n >= 0 && n <= 1, 'a fraction in [0, 1]');
const whole = (min: number, max = Number.MAX_SAFE_INTEGER) => num((n) => Number.isSafeInteger(n) && n >= min && n <= max, max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number in [${min}, ${max}]`);
const time: Check = (v) => (typeof v === 'string' && TIME_RE.test(v) ? null : `must be an IST time 'HH:MM', got ${JSON.stringify(v)}`);
const text: Check = (v) => (typeof v === 'string' && v.trim().length > 0 ? null : 'must be a non-empty text');
const bool: Check = (v) => (typeof v === 'boolean' ? null : `must be true or false, got ${JSON.stringify(v)}`);
const oneOf = (...values: string[]): Check => (v) => (values.includes(v as string) ? null : `must be one of ${values.join(', ')}, got ${JSON.stringify(v)}`);
const textList: Check = (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim().length > 0) ? null : 'must be a list of non-empty names');
const fractionList: Check = (v) => (Array.isArray(v) && v.length > 0 && v.every((x) => fraction(x) === null) ? null : 'must be a list of fractions in (0, 1]');
const weights: Check = (v) => {
  try {
    assertScreeningWeights(v as typeof SCREENING_WEIGHTS);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
};

const FIELD_CHECKS: Record<keyof IciciFuturesConfig, Check> = {
  accountId: text,
  universeSize: whole(1, 500),
  liquidityLookbackSessions: whole(1, 250),
  indexUnderlyings: textList,
  screenStartTime: time,
  screenIntervalMinutes: whole(1, 375),
  entryWindowEnd: time,
  eodTime: time,
  oiChangeThresholdPct: num((n) => n >= 0, 'a percent ≥ 0'),
  pcrBullishAbove: positive,
  pcrBearishBelow: positive,
  missingOiPolicy: oneOf('DROP', 'SCORE_ZERO'),
  historySessions: whole(2, 1000),
  rsiPeriod: whole(2, 200),
  emaFastPeriod: whole(1, 400),
  emaSlowPeriod: whole(2, 400),
  macdFastPeriod: whole(1, 200),
  macdSlowPeriod: whole(2, 200),
  macdSignalPeriod: whole(1, 200),
  bollingerPeriod: whole(2, 400),
  bollingerStdDev: positive,
  atrPeriod: whole(1, 200),
  volumeAveragePeriod: whole(1, 400),
  supportResistanceSessions: whole(2, 400),
  trendRequiresMacd: bool,
  scoreWeights: weights,
  minScreeningScore: num((n) => n >= 0 && n <= 100, 'a score in [0, 100]'),
  minLlmConfidence: unitInterval,
  maxValidationsPerScreen: whole(1, 50),
  knowledgeTopK: whole(0, 50),
  minDaysToExpiry: whole(0, 90),
  stopLossPct: percentBelow100,
  targetPct: percentBelow100,
  minRiskRewardRatio: positive,
  entryLimitMode: oneOf('TOUCH', 'MID'),
  exitLimitMode: oneOf('TOUCH', 'MID'),
  priceBandPct: num((n) => n >= 0 && n < 10, 'a percent in [0, 10)'),
  tickSize: positive,
  allocatedCapitalPaise: whole(1),
  maxMarginUsageFraction: fraction,
  firstTradeFraction: fraction,
  perTradeRiskPaise: whole(1),
  maxPositionExposurePaise: whole(1),
  maxTotalExposurePaise: whole(1),
  maxLeverage: positive,
  futuresMarginFraction: fraction,
  allowAveraging: bool,
  maxAverageAttempts: whole(0, 3),
  averageTriggerPct: percentBelow100,
  averagingMarginCapFractions: fractionList,
  averagedStopLossPct: percentBelow100,
  retargetAfterAveraging: bool,
  eodMinProfitPct: num((n) => n >= 0 && n <= 100, 'a percent of the target in [0, 100]'),
  preExpiryTradingDays: whole(0, 10),
  preExpiryAction: oneOf('CLOSE', 'ROLL'),
  approvalTtlMs: whole(1_000),
  entryFillTimeoutMs: whole(1),
  exitOrderTimeoutMs: whole(1),
  monitorIntervalMs: whole(1),
  holdJournalIntervalMs: whole(0),
};

/**
 * Every field error of a candidate configuration (empty when valid): type and range of each
 * field, then the cross-field rules (screen start before the window end, fast periods below
 * slow ones, PCR thresholds ordered, target ÷ stop at least the minimum reward:risk, one margin
 * cap per averaging attempt, enough history for the longest indicator). Never throws.
 */
export function validateIciciFuturesConfig(candidate: unknown): ConfigFieldError[] {
  if (!candidate || typeof candidate !== 'object') return [{ field: '', message: 'configuration must be an object' }];
  const c = candidate as Record<string, unknown>;
  const errors: ConfigFieldError[] = [];
  for (const [field, check] of Object.entries(FIELD_CHECKS)) {
    const message = check(c[field]);
    if (message) errors.push({ field, message });
  }
  const bad = new Set(errors.map((e) => e.field));
  const ok = (...fields: string[]) => fields.every((f) => !bad.has(f));
  const n = (f: string) => c[f] as number;
  const cross = (fields: string[], failed: boolean, field: string, message: string) => {
    if (ok(...fields) && failed) errors.push({ field, message });
  };
  cross(['screenStartTime', 'entryWindowEnd'], ok('screenStartTime', 'entryWindowEnd') && compareTimes(c['screenStartTime'] as string, c['entryWindowEnd'] as string) >= 0, 'entryWindowEnd', 'must be after screenStartTime');
  cross(['emaFastPeriod', 'emaSlowPeriod'], n('emaFastPeriod') >= n('emaSlowPeriod'), 'emaSlowPeriod', 'must be longer than emaFastPeriod');
  cross(['macdFastPeriod', 'macdSlowPeriod'], n('macdFastPeriod') >= n('macdSlowPeriod'), 'macdSlowPeriod', 'must be longer than macdFastPeriod');
  cross(['pcrBullishAbove', 'pcrBearishBelow'], n('pcrBearishBelow') > n('pcrBullishAbove'), 'pcrBearishBelow', 'must not exceed pcrBullishAbove');
  cross(['stopLossPct', 'targetPct', 'minRiskRewardRatio'], n('targetPct') < n('stopLossPct') * n('minRiskRewardRatio') - 1e-12, 'targetPct', 'must be at least stopLossPct × minRiskRewardRatio, or every plan fails the reward:risk check');
  cross(['maxAverageAttempts', 'averagingMarginCapFractions'], ok('maxAverageAttempts', 'averagingMarginCapFractions') && (c['averagingMarginCapFractions'] as unknown[]).length < n('maxAverageAttempts'), 'averagingMarginCapFractions', 'needs one cap per averaging attempt');
  const longest = ['emaSlowPeriod', 'bollingerPeriod', 'volumeAveragePeriod', 'supportResistanceSessions'].filter((f) => ok(f)).map(n);
  if (ok('macdSlowPeriod', 'macdSignalPeriod')) longest.push(n('macdSlowPeriod') + n('macdSignalPeriod'));
  if (ok('rsiPeriod')) longest.push(n('rsiPeriod') + 1);
  if (ok('atrPeriod')) longest.push(n('atrPeriod') + 1);
  cross(['historySessions'], n('historySessions') < Math.max(0, ...longest), 'historySessions', `must cover the longest indicator (${Math.max(0, ...longest)} sessions)`);
  return errors;
}

/**
 * Settings that are valid but probably not what the trader wants, in words: averaging switched
 * on while (1) the stop is no further than the averaging trigger (the stop always exits first:
 * the plan's own 0.5% stop and 1% trigger do this), or (2) the stop re-set from the new average
 * is already reached at the trigger price (DECISIONS §1's 0.5% with an equal quantity at 1%).
 */
export function iciciFuturesConfigWarnings(config: IciciFuturesConfig): string[] {
  const warnings: string[] = [];
  if (config.allowAveraging && config.maxAverageAttempts > 0 && config.stopLossPct <= config.averageTriggerPct) {
    warnings.push(
      `averaging can never trigger: the stop (${config.stopLossPct}% from entry) is hit before the averaging trigger (${config.averageTriggerPct}% against the average); widen the stop beyond the trigger or accept that averaging is off`,
    );
  }
  // Equal quantity at a t% trigger puts the new average t/2 back: a stop s% from it is already hit when s ≤ (t/2)/(1 − t/2).
  const t = config.averageTriggerPct / 100;
  if (config.allowAveraging && config.maxAverageAttempts > 0 && config.averagedStopLossPct / 100 <= t / 2 / (1 - t / 2) + 1e-12) {
    warnings.push(
      `averaging would stop out at once: adding the original quantity ${config.averageTriggerPct}% against the average puts the price ${((t / 2 / (1 - t / 2)) * 100).toFixed(4)}% under the new average, inside the ${config.averagedStopLossPct}% re-set stop; the strategy then never asks to average`,
    );
  }
  return warnings;
}

/**
 * Defaults overlaid with `overrides`, validated.
 * @throws DomainError INVALID_ARGUMENT listing every field error when the result is invalid.
 */
export function resolveIciciFuturesConfig(overrides: Partial<IciciFuturesConfig> = {}): IciciFuturesConfig {
  const config: IciciFuturesConfig = { ...ICICI_FUTURES_CONFIG_DEFAULTS, ...overrides };
  const errors = validateIciciFuturesConfig(config);
  if (errors.length > 0) {
    throw new DomainError('INVALID_ARGUMENT', `invalid ICICI futures configuration: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, { errors });
  }
  return config;
}
