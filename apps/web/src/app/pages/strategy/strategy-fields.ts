import type { StrategyType } from '@mcube/contracts';
import type { FieldSpec } from '../../shared/settings-form/field-spec';
import { indian, lakhCroreRupees } from '../../shared/ui/indian-number';

/** Largest amount a setting may hold, paise (the server's MAX_SETTING_PAISE: ₹1,000 crore). */
const MAX_PAISE = 1_000_00_00_000 * 100;

/** A round NIFTY level and premium the live hints use as examples (not market data). */
const EXAMPLE_SPOT = 26_000;
const EXAMPLE_PREMIUM_RUPEES = 10_000;
const NIFTY_LOT = 65;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const pctOf = (pct: number, of: number) => lakhCroreRupees(Math.round((pct / 100) * of));

/**
 * Kotak NIFTY strangle: ranges as the API's StrangleParametersDto (…Pct are percentages, shown
 * with '%'), grouped entry / strikes / exits / risk, with hints that follow the typed value.
 */
const STRANGLE: readonly FieldSpec[] = [
  { group: 'Entry', key: 'instrument', label: 'Instrument', kind: 'choice', options: ['NIFTY'] },
  { group: 'Entry', key: 'entryTime', label: 'Entry time (IST)', kind: 'time', hint: 'Inside the entry window' },
  { group: 'Entry', key: 'entryWindowStart', label: 'Entry window start (IST)', kind: 'time' },
  { group: 'Entry', key: 'entryWindowEnd', label: 'Entry window end (IST)', kind: 'time' },
  { group: 'Entry', key: 'minCombinedPremium', label: 'Min combined premium', kind: 'number', min: 0, max: 10_000, unit: 'pts', liveHint: (v) => (num(v) === null ? null : `Call + put must fetch at least ${v} points (${lakhCroreRupees((v as number) * NIFTY_LOT)} a lot).`) },
  { group: 'Entry', key: 'maxGiftNiftyChangePct', label: 'Max GIFT Nifty move', kind: 'number', min: 0, max: 10, unit: '%', liveHint: (v) => (num(v) === null ? null : `Skip the day when GIFT Nifty moved more than ±${v}% overnight.`) },
  { group: 'Entry', key: 'maxUsChangePct', label: 'Max US index move', kind: 'number', min: 0, max: 10, unit: '%' },
  { group: 'Entry', key: 'maxNifty1dChangePct', label: 'Max NIFTY 1-day move', kind: 'number', min: 0, max: 10, unit: '%' },
  { group: 'Entry', key: 'maxNifty3dChangePct', label: 'Max NIFTY 3-day move', kind: 'number', min: 0, max: 20, unit: '%' },
  { group: 'Entry', key: 'eventLookaheadDays', label: 'Event look-ahead', kind: 'number', min: 0, max: 30, integer: true, unit: 'days', liveHint: (v) => (num(v) === null ? null : `A major economic event within ${v} day(s) skips the entry.`) },
  { group: 'Entry', key: 'maxVix', label: 'Max India VIX to enter', kind: 'number', min: 5, max: 100 },
  {
    group: 'Strikes',
    key: 'baseDeltaPct',
    label: 'Base strike distance per day to expiry',
    kind: 'number',
    min: 0.1,
    max: 5,
    unit: '%',
    liveHint: (v) => (num(v) === null ? null : `With 4 days to expiry: ${indian((v as number) * 4, 1)}% of spot, about ${indian(Math.round(((v as number) * 4 * EXAMPLE_SPOT) / 100))} points at NIFTY ${indian(EXAMPLE_SPOT)} (before the VIX multiplier).`),
  },
  { group: 'Strikes', key: 'vixElevatedAbove', label: 'VIX elevated above', kind: 'number', min: 5, max: 80 },
  { group: 'Strikes', key: 'vixHighAbove', label: 'VIX high above', kind: 'number', min: 5, max: 80 },
  { group: 'Strikes', key: 'elevatedMultiplier', label: 'Distance × when VIX elevated', kind: 'number', min: 1, max: 3, unit: '×' },
  { group: 'Strikes', key: 'highMultiplier', label: 'Distance × when VIX high', kind: 'number', min: 1, max: 3, unit: '×' },
  { group: 'Strikes', key: 'roundTo', label: 'Round strikes to (points)', kind: 'choice', options: [50, 100, 150, 200, 250, 500] },
  { group: 'Strikes', key: 'minDaysToExpiry', label: 'Min days to expiry', kind: 'number', min: 0, max: 7, integer: true, unit: 'days' },
  { group: 'Exits', key: 'targetPct', label: 'Target (of premium)', kind: 'number', min: 10, max: 100, unit: '%', liveHint: (v) => (num(v) === null ? null : `Exits once ${v}% of the premium is kept: ${pctOf(v as number, EXAMPLE_PREMIUM_RUPEES)} of a ${lakhCroreRupees(EXAMPLE_PREMIUM_RUPEES)} premium.`) },
  { group: 'Exits', key: 'stopLossPct', label: 'Stop loss (of premium)', kind: 'number', min: 10, max: 500, unit: '%', liveHint: (v) => (num(v) === null ? null : `Exits when the loss reaches ${pctOf(v as number, EXAMPLE_PREMIUM_RUPEES)} on a ${lakhCroreRupees(EXAMPLE_PREMIUM_RUPEES)} premium.`) },
  { group: 'Exits', key: 'eodTime', label: 'End-of-day check (IST)', kind: 'time' },
  { group: 'Exits', key: 'eodMinProfitPct', label: 'EOD exit min profit (of premium)', kind: 'number', min: 0, max: 100, unit: '%', liveHint: (v) => (num(v) === null ? null : `At the end-of-day check: exit if at least ${v}% of the premium is kept, else hold overnight. Expiry day always closes.`) },
  { group: 'Risk', key: 'perPositionStopPaise', label: 'Per-position stop', kind: 'paise', minPaise: 100, maxPaise: MAX_PAISE, hint: 'A loss this large exits the position whatever the premium.' },
  { group: 'Risk', key: 'deltaThreshold', label: 'Net delta alert above', kind: 'number', min: 1, max: 100_000, unit: 'units', liveHint: (v) => (num(v) === null ? null : `Alerts when |net delta| passes ${indian(v as number)} units (${indian((v as number) / NIFTY_LOT, 1)} NIFTY lots).`) },
];

/** ICICI futures: ranges as the API's FuturesParametersDto; stored fractions are shown and typed as percent. */
const FUTURES: readonly FieldSpec[] = [
  { group: 'Entry', key: 'minDaysToExpiry', label: 'Min days to expiry', kind: 'number', min: 0, max: 60, integer: true, unit: 'days' },
  { group: 'Entry', key: 'minRiskRewardRatio', label: 'Min reward : risk', kind: 'number', min: 0.5, max: 10, unit: '×', liveHint: (v) => (num(v) === null ? null : `A trade must aim to make ${v}× what it risks.`) },
  { group: 'Entry', key: 'minLlmConfidence', label: 'Min LLM confidence', kind: 'number', min: 0, max: 1, scale: 100, unit: '%' },
  { group: 'Entry', key: 'requireHumanApproval', label: 'Require human approval', kind: 'boolean', locked: true, hint: 'Always on: every ICICI order needs approval (plan).' },
  { group: 'Entry', key: 'oiChangeThresholdPct', label: 'OI change threshold', kind: 'number', min: 0.1, max: 100, unit: '%' },
  { group: 'Entry', key: 'pcrBullishAbove', label: 'PCR bullish above', kind: 'number', min: 0.1, max: 5 },
  { group: 'Entry', key: 'pcrBearishBelow', label: 'PCR bearish below', kind: 'number', min: 0.1, max: 5 },
  { group: 'Entry', key: 'minScreeningScore', label: 'Min screening score', kind: 'number', min: 0, max: 100 },
  { group: 'Entry', key: 'tickSize', label: 'Tick size (₹)', kind: 'choice', options: [0.05] },
  { group: 'Exits', key: 'stopLossPct', label: 'Stop loss (of entry price)', kind: 'number', min: 0.0005, max: 0.1, scale: 100, unit: '%', liveHint: (v) => (num(v) === null ? null : `A ₹1,000 future stops out at ₹${indian(1000 * (1 - (v as number)), 2)} (long).`) },
  { group: 'Exits', key: 'targetPct', label: 'Target (of entry price)', kind: 'number', min: 0.001, max: 0.5, scale: 100, unit: '%' },
  { group: 'Exits', key: 'minProfitPctToExit', label: 'Min profit to exit', kind: 'number', min: 0, max: 100, unit: '%' },
  { group: 'Risk', key: 'allowAveraging', label: 'Allow averaging', kind: 'boolean' },
  { group: 'Risk', key: 'maxAverageAttempts', label: 'Max averaging attempts', kind: 'number', min: 0, max: 3, integer: true },
  { group: 'Risk', key: 'averageTriggerPct', label: 'Averaging trigger (move against)', kind: 'number', min: 0.001, max: 0.1, scale: 100, unit: '%' },
  { group: 'Risk', key: 'averagingMarginCaps', label: 'Averaging margin caps', kind: 'numberList', length: 3, min: 0.01, max: 1, hint: 'Three fractions of available margin, e.g. 0.2, 0.3, 0.5' },
  { group: 'Risk', key: 'averagedStopLossPct', label: 'Stop loss after averaging', kind: 'number', min: 0.0005, max: 0.1, scale: 100, unit: '%' },
];

/** The editable fields of a strategy type. */
export function strategyFields(type: StrategyType): readonly FieldSpec[] {
  return type === 'WEEKLY_NIFTY_STRANGLE' ? STRANGLE : FUTURES;
}

/** A readable name for a strategy type. */
export function strategyName(type: StrategyType): string {
  return type === 'WEEKLY_NIFTY_STRANGLE' ? 'NIFTY weekly strangle (Kotak)' : 'LLM-validated futures (ICICI)';
}
