import { ICICI_FUTURES_DEFAULTS, ICICI_RISK_DEFAULTS, SCREENING_WEIGHTS, type ScreeningWeights } from '@mcube/domain';

/** How a limit is priced from the touch: at the bid/ask (fills at once) or at the mid. */
export type LimitPriceMode = 'TOUCH' | 'MID';

/** What the screener does with a candidate whose futures OI the market source cannot give. */
export type MissingOiPolicy = 'DROP' | 'SCORE_ZERO';

/** What happens to a position about to enter the last trading days before its expiry. */
export type PreExpiryAction = 'CLOSE' | 'ROLL';

/**
 * Every parameter of the ICICI directional futures strategy (plan §3, §6; DECISIONS.md §1):
 * stored, editable settings, checked by `validateIciciFuturesConfig` before they are saved.
 * Units follow STYLE.md: `…Pct` fields are PERCENT (0.5 = half a percent), `…Fraction` fields
 * are 0..1, amounts are paise, times IST 'HH:MM'. PARAMETERS.md gives the reason for every
 * value the plan does not fix.
 */
export interface IciciFuturesConfig {
  readonly accountId: string;
  /** Universe: the most traded F&O stocks plus these index futures (underlyings as the instrument master names them). */
  readonly universeSize: number;
  readonly liquidityLookbackSessions: number;
  readonly indexUnderlyings: readonly string[];
  /** The screen runs from `screenStartTime` every `screenIntervalMinutes` until `entryWindowEnd` (exclusive). */
  readonly screenStartTime: string;
  readonly screenIntervalMinutes: number;
  readonly entryWindowEnd: string;
  /** Daily EOD check (exit only at ≥ eodMinProfitPct of the target distance). */
  readonly eodTime: string;
  /** OI analysis (plan §6). */
  readonly oiChangeThresholdPct: number;
  readonly pcrBullishAbove: number;
  readonly pcrBearishBelow: number;
  readonly missingOiPolicy: MissingOiPolicy;
  /** Technicals on completed daily bars. */
  readonly historySessions: number;
  readonly rsiPeriod: number;
  readonly emaFastPeriod: number;
  readonly emaSlowPeriod: number;
  readonly macdFastPeriod: number;
  readonly macdSlowPeriod: number;
  readonly macdSignalPeriod: number;
  readonly bollingerPeriod: number;
  readonly bollingerStdDev: number;
  readonly atrPeriod: number;
  readonly volumeAveragePeriod: number;
  readonly supportResistanceSessions: number;
  /** The trend component needs the MACD histogram on the trade's side as well as the EMA trend. */
  readonly trendRequiresMacd: boolean;
  /** Composite score (domain `screeningScore`): weights adding up to 100, and the pass mark. */
  readonly scoreWeights: ScreeningWeights;
  readonly minScreeningScore: number;
  /** Validation: the minimum validator confidence (0..1), candidates validated per screen, passages retrieved. */
  readonly minLlmConfidence: number;
  readonly maxValidationsPerScreen: number;
  readonly knowledgeTopK: number;
  /** Trade plan. */
  readonly minDaysToExpiry: number;
  readonly stopLossPct: number;
  readonly targetPct: number;
  readonly minRiskRewardRatio: number;
  readonly entryLimitMode: LimitPriceMode;
  readonly exitLimitMode: LimitPriceMode;
  /** An approved order may be sent only while the touch is within this percent of the approved limit. */
  readonly priceBandPct: number;
  readonly tickSize: number;
  /** Sizing (plan §3 ICICI). */
  readonly allocatedCapitalPaise: number;
  readonly maxMarginUsageFraction: number;
  readonly firstTradeFraction: number;
  readonly perTradeRiskPaise: number;
  readonly maxPositionExposurePaise: number;
  readonly maxTotalExposurePaise: number;
  readonly maxLeverage: number;
  /** Rough futures margin per lot as a fraction of its notional (paper and simulator only; live uses the broker's figure). */
  readonly futuresMarginFraction: number;
  /** Averaging (DECISIONS §1). */
  readonly allowAveraging: boolean;
  readonly maxAverageAttempts: number;
  readonly averageTriggerPct: number;
  readonly averagingMarginCapFractions: readonly number[];
  readonly averagedStopLossPct: number;
  /** After an averaging fill the target moves to `targetPct` from the new average (else it stays). */
  readonly retargetAfterAveraging: boolean;
  /** Exits. */
  readonly eodMinProfitPct: number;
  readonly preExpiryTradingDays: number;
  readonly preExpiryAction: PreExpiryAction;
  /** Approvals: how long a request stays open (entries never past `entryWindowEnd`). */
  readonly approvalTtlMs: number;
  /** Orders. */
  readonly entryFillTimeoutMs: number;
  readonly exitOrderTimeoutMs: number;
  readonly monitorIntervalMs: number;
  readonly holdJournalIntervalMs: number;
}

const pct = (fraction: number) => Math.round(fraction * 1e6) / 1e4;
const d = ICICI_FUTURES_DEFAULTS;
const r = ICICI_RISK_DEFAULTS;

/** The defaults: plan §3/§6 with DECISIONS.md applied; PARAMETERS.md explains the rest. */
export const ICICI_FUTURES_CONFIG_DEFAULTS: IciciFuturesConfig = Object.freeze({
  accountId: 'ICICI',
  universeSize: 50,
  liquidityLookbackSessions: 20,
  indexUnderlyings: Object.freeze(['NIFTY', 'BANKNIFTY']),
  screenStartTime: '09:30',
  screenIntervalMinutes: 30,
  entryWindowEnd: '11:30',
  eodTime: '15:15',
  oiChangeThresholdPct: d.oiChangeThresholdPct,
  pcrBullishAbove: d.pcrBullishAbove,
  pcrBearishBelow: d.pcrBearishBelow,
  missingOiPolicy: 'DROP',
  historySessions: 120,
  rsiPeriod: 14,
  emaFastPeriod: 20,
  emaSlowPeriod: 50,
  macdFastPeriod: 12,
  macdSlowPeriod: 26,
  macdSignalPeriod: 9,
  bollingerPeriod: 20,
  bollingerStdDev: 2,
  atrPeriod: 14,
  volumeAveragePeriod: 20,
  supportResistanceSessions: 20,
  trendRequiresMacd: true,
  scoreWeights: Object.freeze({ ...SCREENING_WEIGHTS }),
  minScreeningScore: d.minScreeningScore,
  minLlmConfidence: d.minLlmConfidence,
  maxValidationsPerScreen: 3,
  knowledgeTopK: 5,
  minDaysToExpiry: d.minDaysToExpiry,
  stopLossPct: pct(d.stopLossPct),
  targetPct: pct(d.targetPct),
  minRiskRewardRatio: d.minRiskRewardRatio,
  entryLimitMode: 'TOUCH',
  exitLimitMode: 'TOUCH',
  priceBandPct: 0.2,
  tickSize: d.tickSize,
  allocatedCapitalPaise: r.allocatedCapitalPaise,
  maxMarginUsageFraction: r.maxMarginUsagePct,
  firstTradeFraction: r.firstTradeFraction,
  perTradeRiskPaise: r.perTradeRiskPaise as number,
  maxPositionExposurePaise: r.maxPositionExposurePaise as number,
  maxTotalExposurePaise: r.maxTotalExposurePaise as number,
  maxLeverage: r.maxLeverage as number,
  futuresMarginFraction: 0.2,
  allowAveraging: d.allowAveraging,
  maxAverageAttempts: d.maxAverageAttempts,
  averageTriggerPct: pct(d.averageTriggerPct),
  averagingMarginCapFractions: Object.freeze([...d.averagingMarginCaps]),
  averagedStopLossPct: pct(d.averagedStopLossPct),
  retargetAfterAveraging: true,
  eodMinProfitPct: d.minProfitPctToExit,
  preExpiryTradingDays: 2,
  preExpiryAction: 'CLOSE',
  approvalTtlMs: 10 * 60_000,
  entryFillTimeoutMs: 60_000,
  exitOrderTimeoutMs: 30_000,
  monitorIntervalMs: 5_000,
  holdJournalIntervalMs: 60_000,
});
