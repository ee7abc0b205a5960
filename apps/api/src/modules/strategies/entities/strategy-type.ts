/** The two strategies of the plan (§3): the Kotak NIFTY strangle and the ICICI futures. */
export type StrategyType = 'WEEKLY_NIFTY_STRANGLE' | 'LLM_VALIDATED_FUTURES';
