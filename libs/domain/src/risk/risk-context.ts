import type { Paise } from '../money/paise';
import type { IsoDate, IstTime } from '../time/ist-date';
import type { BrokerName, EntryLegShape } from './order-terms';

/**
 * The kill switch: ACTIVE trades normally, REDUCING lets only position-reducing orders out,
 * HALTED lets no order out (cancels are always allowed: see `canCancel`).
 */
export type TradingState = 'ACTIVE' | 'REDUCING' | 'HALTED';

/**
 * Where the account stands with its broker in this process: PENDING from start-up until a
 * reconciliation succeeds, MISMATCH after one found differences, RECONCILED once journal and
 * broker agree. Anything but RECONCILED refuses new risk and lets reductions out.
 */
export type ReconciliationState = 'RECONCILED' | 'PENDING' | 'MISMATCH';

/** The account the order trades on. */
export interface RiskAccountFacts {
  readonly accountId: string;
  readonly broker: BrokerName;
  readonly active: boolean;
  readonly allocatedCapitalPaise: Paise;
  /** ENTRY and AVERAGE orders need a person's approval (the ICICI account's setting). */
  readonly requiresApproval: boolean;
}

/** Margin figures; `usablePaise` is computed by the caller with the margin rules of DECISIONS §1 (50% first trade, 40% cap, averaging caps). */
export interface RiskMarginFacts {
  readonly availablePaise: Paise;
  readonly inUsePaise: Paise;
  readonly usablePaise: Paise;
}

/** P&L (realised + mark-to-market), negative for a loss, and the equity curve for drawdown. */
export interface RiskPnlFacts {
  readonly todayPaise: Paise;
  readonly weekPaise: Paise;
  readonly monthPaise: Paise;
  readonly equityPeakPaise: Paise;
  readonly equityPaise: Paise;
}

/** Notional already open on the account and in the position this order adds to (0 for an entry). */
export interface RiskExposureFacts {
  readonly totalPaise: Paise;
  readonly positionPaise: Paise;
}

/** The account's stored risk settings. An undefined optional cap is not enforced (Kotak has no exposure caps). */
export interface RiskLimits {
  readonly dailyLossLimitPaise: Paise;
  readonly weeklyLossLimitPaise: Paise;
  /** Fraction of the equity peak, e.g. 0.15. */
  readonly maxDrawdownPct: number;
  readonly perTradeRiskPaise: Paise;
  readonly maxTotalExposurePaise?: Paise;
  readonly maxPositionExposurePaise?: Paise;
  /** Max (total exposure ÷ allocated capital), e.g. 5. */
  readonly maxLeverage?: number;
  readonly weeklyProfitTargetPaise: Paise;
  readonly monthlyProfitTargetPaise: Paise;
  /** Reaching a period's profit target pauses new entries until the period ends. */
  readonly pauseOnTarget: boolean;
  /** An approval older than this is stale; undefined means approvals do not age. */
  readonly approvalMaxAgeMs?: number;
}

/** Contract facts from the instrument master. */
export interface RiskInstrumentFacts {
  /** Units per lot (65 for NIFTY from Jan 2026). */
  readonly lotSize: number;
  /** Rupees (0.05). */
  readonly tickSize: number;
  /** Max units in one exchange order (1800 for NIFTY); larger orders are sliced by the gateway. */
  readonly freezeQuantity: number;
}

/** Days to the contract's expiry (calendar days, as the plan counts) and the strategy's minimum. */
export interface RiskExpiryFacts {
  readonly daysToExpiry: number;
  readonly minDaysToExpiry: number;
}

/**
 * What the NSE calendar can vouch for (see `NseCalendar`: confirmed vs assumed days). Past the
 * calendar's horizon the day and the contract's expiry are only assumed from the weekday rule.
 */
export interface RiskCalendarFacts {
  /** Whether today's holidays are known. */
  readonly dateConfirmed: boolean;
  /** Whether the contract's expiry date is vouched for (a loaded instrument master, or the rules over confirmed days). */
  readonly expiryConfirmed: boolean;
  /** The calendar's last confirmed date, or null when it has none. */
  readonly horizon: IsoDate | null;
}

/**
 * Everything the risk checks need, gathered by the risk module. The checks never read a
 * clock or a calendar: the caller passes `nowMs`, the IST date/time and `withinSession`
 * computed from the market calendar.
 */
export interface RiskContext {
  readonly nowMs: number;
  readonly date: IsoDate;
  readonly time: IstTime;
  readonly withinSession: boolean;
  /** The kill switch as set by a person (the effective state also counts the facts below: `effectiveTradingState`). */
  readonly tradingState: TradingState;
  /** RECONCILED when absent. */
  readonly reconciliation?: ReconciliationState;
  readonly account: RiskAccountFacts;
  readonly breakerTripped: boolean;
  readonly activePositionExists: boolean;
  /** Id of the active position, when there is one. */
  readonly activePositionId?: string;
  /** The active position's open legs (an entry completing that position is judged with them). */
  readonly activePositionLegs?: readonly EntryLegShape[];
  readonly margins: RiskMarginFacts;
  readonly pnl: RiskPnlFacts;
  readonly exposure: RiskExposureFacts;
  readonly limits: RiskLimits;
  readonly instrument: RiskInstrumentFacts;
  readonly expiry: RiskExpiryFacts;
  readonly calendar: RiskCalendarFacts;
}
