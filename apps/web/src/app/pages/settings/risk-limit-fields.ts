import type { FieldSpec } from '../../shared/settings-form/field-spec';

const MAX_PAISE = 1_000_00_00_000 * 100;
const OFF = 'Leave empty to switch this limit off';

/** The editable risk limits, with the ranges of the API's UpdateRiskLimitsDto. */
export const RISK_LIMIT_FIELDS: readonly FieldSpec[] = [
  { key: 'maxMarginUsagePct', label: 'Max margin usage (fraction of capital)', kind: 'number', min: 0.01, max: 1, hint: '0.4 = 40%' },
  { key: 'firstTradeFraction', label: 'First trade (fraction of headroom)', kind: 'number', min: 0.01, max: 1 },
  { key: 'maxConcurrentPositions', label: 'Max concurrent positions', kind: 'number', min: 1, max: 1, integer: true, hint: 'The one-position rule: always 1' },
  { key: 'dailyLossLimitPaise', label: 'Daily loss limit (₹)', kind: 'paise', minPaise: 100, maxPaise: MAX_PAISE },
  { key: 'weeklyLossLimitPaise', label: 'Weekly loss limit (₹)', kind: 'paise', minPaise: 100, maxPaise: MAX_PAISE, nullable: true, hint: OFF },
  { key: 'perPositionStopPaise', label: 'Per-position stop (₹)', kind: 'paise', minPaise: 100, maxPaise: MAX_PAISE, nullable: true, hint: OFF },
  { key: 'perTradeRiskPaise', label: 'Per-trade risk (₹)', kind: 'paise', minPaise: 100, maxPaise: MAX_PAISE, nullable: true, hint: OFF },
  { key: 'weeklyProfitTargetPaise', label: 'Weekly profit target (₹)', kind: 'paise', minPaise: 100, maxPaise: MAX_PAISE },
  { key: 'monthlyProfitTargetPaise', label: 'Monthly profit target (₹)', kind: 'paise', minPaise: 100, maxPaise: MAX_PAISE, hint: 'Not below the weekly target' },
  { key: 'pauseOnProfitTarget', label: 'Pause on profit target', kind: 'boolean' },
  { key: 'maxDrawdownPct', label: 'Max drawdown (fraction)', kind: 'number', min: 0.01, max: 1 },
  { key: 'maxLeverage', label: 'Max leverage', kind: 'number', min: 1, max: 10, nullable: true, hint: OFF },
  { key: 'maxTotalExposurePaise', label: 'Max total exposure (₹)', kind: 'paise', minPaise: 100, maxPaise: MAX_PAISE, nullable: true, hint: OFF },
  { key: 'maxPositionExposurePaise', label: 'Max position exposure (₹)', kind: 'paise', minPaise: 100, maxPaise: MAX_PAISE, nullable: true, hint: OFF },
];
