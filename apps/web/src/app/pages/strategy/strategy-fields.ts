import type { FieldSpec } from '../../shared/settings-form/field-spec';
import type { StrategyType } from './strategy.api';

/** Largest amount a setting may hold, paise (the server's MAX_SETTING_PAISE: ₹1,000 crore). */
const MAX_PAISE = 1_000_00_00_000 * 100;

/** Kotak NIFTY strangle: ranges as the API's StrangleParametersDto (…Pct in percent). */
const STRANGLE: readonly FieldSpec[] = [
  { key: 'instrument', label: 'Instrument', kind: 'choice', options: ['NIFTY'] },
  { key: 'baseDeltaPct', label: 'Base strike distance (% of spot)', kind: 'number', min: 0.1, max: 5 },
  { key: 'vixElevatedAbove', label: 'VIX elevated above', kind: 'number', min: 5, max: 80 },
  { key: 'vixHighAbove', label: 'VIX high above', kind: 'number', min: 5, max: 80 },
  { key: 'elevatedMultiplier', label: 'Distance × when VIX elevated', kind: 'number', min: 1, max: 3 },
  { key: 'highMultiplier', label: 'Distance × when VIX high', kind: 'number', min: 1, max: 3 },
  { key: 'roundTo', label: 'Round strikes to', kind: 'choice', options: [50, 100, 150, 200, 250, 500] },
  { key: 'minDaysToExpiry', label: 'Min days to expiry', kind: 'number', min: 0, max: 7, integer: true },
  { key: 'targetPct', label: 'Target (% of premium)', kind: 'number', min: 10, max: 100 },
  { key: 'stopLossPct', label: 'Stop loss (% of premium)', kind: 'number', min: 10, max: 500 },
  { key: 'perPositionStopPaise', label: 'Per-position stop (₹)', kind: 'paise', minPaise: 100, maxPaise: MAX_PAISE },
  { key: 'entryTime', label: 'Entry time (IST)', kind: 'time', hint: 'Inside the entry window' },
  { key: 'entryWindowStart', label: 'Entry window start (IST)', kind: 'time' },
  { key: 'entryWindowEnd', label: 'Entry window end (IST)', kind: 'time' },
  { key: 'eodTime', label: 'End-of-day check (IST)', kind: 'time' },
  { key: 'eodMinProfitPct', label: 'EOD exit min profit (%)', kind: 'number', min: 0, max: 100 },
  { key: 'deltaThreshold', label: 'Delta threshold', kind: 'number', min: 1, max: 100_000 },
  { key: 'minCombinedPremium', label: 'Min combined premium (points)', kind: 'number', min: 0, max: 10_000 },
  { key: 'maxGiftNiftyChangePct', label: 'Max GIFT Nifty move (%)', kind: 'number', min: 0, max: 10 },
  { key: 'maxUsChangePct', label: 'Max US index move (%)', kind: 'number', min: 0, max: 10 },
  { key: 'maxNifty1dChangePct', label: 'Max NIFTY 1-day move (%)', kind: 'number', min: 0, max: 10 },
  { key: 'maxNifty3dChangePct', label: 'Max NIFTY 3-day move (%)', kind: 'number', min: 0, max: 20 },
  { key: 'eventLookaheadDays', label: 'Event look-ahead (days)', kind: 'number', min: 0, max: 30, integer: true },
  { key: 'maxVix', label: 'Max VIX to enter', kind: 'number', min: 5, max: 100 },
];

/** ICICI futures: ranges as the API's FuturesParametersDto (…Pct are fractions except two). */
const FUTURES: readonly FieldSpec[] = [
  { key: 'minDaysToExpiry', label: 'Min days to expiry', kind: 'number', min: 0, max: 60, integer: true },
  { key: 'stopLossPct', label: 'Stop loss (fraction)', kind: 'number', min: 0.0005, max: 0.1, hint: '0.005 = 0.5%' },
  { key: 'targetPct', label: 'Target (fraction)', kind: 'number', min: 0.001, max: 0.5 },
  { key: 'minRiskRewardRatio', label: 'Min risk:reward', kind: 'number', min: 0.5, max: 10 },
  { key: 'minProfitPctToExit', label: 'Min profit to exit (%)', kind: 'number', min: 0, max: 100 },
  { key: 'allowAveraging', label: 'Allow averaging', kind: 'boolean' },
  { key: 'maxAverageAttempts', label: 'Max averaging attempts', kind: 'number', min: 0, max: 3, integer: true },
  { key: 'averageTriggerPct', label: 'Averaging trigger (fraction)', kind: 'number', min: 0.001, max: 0.1 },
  { key: 'averagingMarginCaps', label: 'Averaging margin caps', kind: 'numberList', length: 3, min: 0.01, max: 1, hint: 'Three fractions of available margin, e.g. 0.2, 0.3, 0.5' },
  { key: 'averagedStopLossPct', label: 'Stop loss after averaging (fraction)', kind: 'number', min: 0.0005, max: 0.1 },
  { key: 'minLlmConfidence', label: 'Min LLM confidence', kind: 'number', min: 0, max: 1 },
  { key: 'requireHumanApproval', label: 'Require human approval', kind: 'boolean', locked: true, hint: 'Always on: every ICICI order needs approval (plan).' },
  { key: 'oiChangeThresholdPct', label: 'OI change threshold (%)', kind: 'number', min: 0.1, max: 100 },
  { key: 'pcrBullishAbove', label: 'PCR bullish above', kind: 'number', min: 0.1, max: 5 },
  { key: 'pcrBearishBelow', label: 'PCR bearish below', kind: 'number', min: 0.1, max: 5 },
  { key: 'minScreeningScore', label: 'Min screening score', kind: 'number', min: 0, max: 100 },
  { key: 'tickSize', label: 'Tick size', kind: 'choice', options: [0.05] },
];

/** The editable fields of a strategy type. */
export function strategyFields(type: StrategyType): readonly FieldSpec[] {
  return type === 'WEEKLY_NIFTY_STRANGLE' ? STRANGLE : FUTURES;
}

/** A readable name for a strategy type. */
export function strategyName(type: StrategyType): string {
  return type === 'WEEKLY_NIFTY_STRANGLE' ? 'NIFTY weekly strangle (Kotak)' : 'LLM-validated futures (ICICI)';
}
