import type { FuturesScreenView } from './futures-screen.response';

/** What "what would it do now" proposes: planned candidates to validate, a skip, or monitoring only. */
export const FUTURES_EVALUATION_DECISIONS = ['PROPOSE', 'SKIP', 'MONITOR'] as const;
export type FuturesEvaluationDecision = (typeof FUTURES_EVALUATION_DECISIONS)[number];

/** Why it decided so (the strategy library's `FuturesEntryReasonCode`). */
export const FUTURES_ENTRY_REASON_CODES = [
  'CANDIDATES_FOUND',
  'ACTIVE_POSITION_MONITOR_ONLY',
  'NOT_A_TRADING_DAY',
  'OUTSIDE_ENTRY_WINDOW',
  'APPROVAL_PENDING',
  'ORDER_WORKING',
  'MARKET_DATA_UNAVAILABLE',
  'NO_CANDIDATE',
  'NO_PLAN',
] as const;
export type FuturesEntryReasonCode = (typeof FUTURES_ENTRY_REASON_CODES)[number];

/** The morning check's outcome: an active position means monitoring only (one position per account). */
export const MORNING_CHECK_ACTIONS = ['MONITOR', 'EVALUATE_ENTRY'] as const;
export type MorningCheckAction = (typeof MORNING_CHECK_ACTIONS)[number];

/** Why a candidate has no usable plan: reward:risk under the minimum, no whole lot fits, no price to plan from. */
export const FUTURES_PLAN_REFUSAL_CODES = ['RISK_REWARD_TOO_LOW', 'NO_LOTS', 'NO_PRICE'] as const;
export type FuturesPlanRefusalCode = (typeof FUTURES_PLAN_REFUSAL_CODES)[number];

/** Step 1: the morning check. */
export interface FuturesMorningCheckResponse {
  action: MorningCheckAction;
  allowNewEntry: boolean;
  reason: string;
}

/** Step 2: the trading day and the entry window (IST times). */
export interface FuturesEntryWindowResponse {
  isTradingDay: boolean;
  start: string;
  end: string;
  inWindow: boolean;
}

/** A candidate's trade plan (prices in rupees, money in paise). */
export interface FuturesTradePlanResponse {
  tradingSymbol: string;
  expiry: string;
  lotSize: number;
  direction: 'LONG' | 'SHORT';
  side: 'BUY' | 'SELL';
  entryPrice: number;
  priceBand: { low: number; high: number };
  stopLoss: number;
  target: number;
  /** Reward over risk of the plan, and whether it meets the configured minimum. */
  riskReward: { ratio: number; ok: boolean };
  lots: number;
  quantity: number;
  marginPaise: number;
  exposurePaise: number;
  /** Loss at the stop for the whole quantity. */
  riskPaise: number;
}

/** Step 4: one of the best candidates with its plan, or why it has none (`plan` is still shown when a check refused it). */
export interface FuturesCandidatePlanResponse {
  underlying: string;
  direction: 'LONG' | 'SHORT';
  ok: boolean;
  code: FuturesPlanRefusalCode | null;
  reason: string | null;
  plan: FuturesTradePlanResponse | null;
}

/**
 * GET /api/strategies/icici-futures/evaluation: "what would it do now", every step's result in
 * workflow order, null (or empty) for steps not reached; never validates, journals or trades.
 */
export interface FuturesEvaluationResponse {
  evaluatedAtMs: number;
  /** IST market date and time of the evaluation. */
  date: string;
  time: string;
  accountId: string;
  decision: FuturesEvaluationDecision;
  reasonCode: FuturesEntryReasonCode;
  reason: string;
  morningCheck: FuturesMorningCheckResponse;
  window: FuturesEntryWindowResponse;
  openApprovalIds: string[];
  /** Step 3: the screen, as the screener page shows a stored one. */
  screen: FuturesScreenView | null;
  plans: FuturesCandidatePlanResponse[];
}
