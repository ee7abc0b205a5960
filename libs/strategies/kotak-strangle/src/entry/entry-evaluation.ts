import type {
  AdjustedStrikes,
  DirectionalBias,
  ExpirySelection,
  IsoDate,
  MorningCheckResult,
  OiLevels,
  Paise,
  PremiumValidation,
  StrangleEntryFilterResult,
  StrangleStrikes,
} from '@mcube/domain';

/** Why an evaluation says ENTER, SKIP or MONITOR. */
export type EntryReasonCode =
  | 'ALL_CHECKS_PASSED'
  | 'ACTIVE_POSITION_MONITOR_ONLY'
  | 'NOT_A_TRADING_DAY'
  | 'OUTSIDE_ENTRY_WINDOW'
  | 'CALENDAR_UNCONFIRMED'
  | 'MARKET_DATA_UNAVAILABLE'
  | `FILTER_FAILED:${string}`
  | 'NO_EXPIRY_AVAILABLE'
  | 'STRIKES_TOO_CLOSE'
  | 'NO_LISTED_STRIKE'
  | 'PREMIUM_TOO_LOW'
  | 'INSUFFICIENT_MARGIN';

/** The market facts the filters and the strike formula used. Changes are percentages. */
export interface EntryMarketFacts {
  readonly spot: number;
  readonly vix: number;
  readonly giftNiftyChangePct: number;
  readonly nasdaqChangePct: number;
  readonly dowChangePct: number;
  /** Last completed day's change and the change over the last three completed days. */
  readonly nifty1dChangePct: number;
  readonly nifty3dChangePct: number;
  /** Bollinger (20, 2) of the last 20 completed daily closes, ending on `lastCloseDate`. */
  readonly bollingerUpper: number;
  readonly bollingerMiddle: number;
  readonly bollingerLower: number;
  readonly lastCloseDate: IsoDate;
  readonly highImpactEvents: readonly { readonly date: IsoDate; readonly title: string }[];
}

/** One step of the strike pipeline: the strikes after it and why they moved. */
export interface StrikeStep {
  readonly step: 'FORMULA' | 'SUPPORT_RESISTANCE' | 'DIRECTIONAL_BIAS' | 'LISTED';
  readonly callStrike: number;
  readonly putStrike: number;
  readonly reason: string;
}

/** How the strikes were chosen: formula → OI support/resistance → directional bias → listed strikes. */
export interface StrikeSelection {
  readonly formula: StrangleStrikes;
  readonly oiLevels: OiLevels;
  readonly supportResistance: AdjustedStrikes;
  readonly bias: DirectionalBias;
  readonly biasAdjusted: AdjustedStrikes;
  readonly callStrike: number;
  readonly putStrike: number;
  readonly steps: readonly StrikeStep[];
}

/** One leg's touch and the SELL limit derived from it (rupees). */
export interface LegQuote {
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  readonly bid: number | null;
  readonly ask: number | null;
  readonly lastPrice: number;
  readonly limitPrice: number;
}

/** Position size from the margin rule. */
export interface EntrySizing {
  readonly lotSize: number;
  readonly lotSizeSource: 'INSTRUMENT_MASTER' | 'DATED_TABLE';
  readonly availableMarginPaise: Paise;
  readonly marginInUsePaise: Paise;
  readonly usableMarginPaise: Paise;
  readonly marginPerLotPaise: Paise;
  readonly lots: number;
  /** lots × lot size, per leg. */
  readonly quantity: number;
  readonly totalPremiumPaise: Paise;
}

/**
 * The full "what would it do now" answer: every step's inputs and outcome in workflow order,
 * `null` for steps not reached. `decision` is ENTER only when every step passed.
 */
export interface EntryEvaluation {
  readonly evaluatedAtMs: number;
  readonly date: IsoDate;
  readonly time: string;
  readonly accountId: string;
  readonly underlying: string;
  readonly decision: 'ENTER' | 'SKIP' | 'MONITOR';
  readonly reasonCode: EntryReasonCode;
  readonly reason: string;
  readonly morningCheck: MorningCheckResult;
  readonly window: { readonly isTradingDay: boolean; readonly start: string; readonly end: string; readonly inWindow: boolean };
  readonly market: EntryMarketFacts | null;
  readonly filters: StrangleEntryFilterResult | null;
  readonly expiry: ExpirySelection | null;
  readonly strikes: StrikeSelection | null;
  readonly premium: { readonly call: LegQuote; readonly put: LegQuote; readonly validation: PremiumValidation } | null;
  readonly sizing: EntrySizing | null;
}
