/** ACTIVE trades; REDUCING lets out only orders that reduce a position the broker confirms; HALTED only cancels. */
export type TradingStateCode = 'ACTIVE' | 'REDUCING' | 'HALTED';

/** Why an account is not plainly ACTIVE (README "Risk": trading states). */
export type TradingStateCauseCode = 'KILL_SWITCH_HALTED' | 'KILL_SWITCH_REDUCING' | 'UNRECONCILED' | 'RECONCILIATION_MISMATCH' | 'BREAKER_TRIPPED' | 'ACCOUNT_INACTIVE';

/**
 * An account's trading state as every endpoint reports it (GET /api/accounts, the kill-switch
 * answer, account summaries, `risk.state`): the EFFECTIVE state the gateway trades on, all its
 * causes, and the kill switch a person set (which alone never says what may trade).
 */
export interface TradingStateFields {
  /** The effective state. */
  tradingState: TradingStateCode;
  /** Every reason it is not ACTIVE, empty when ACTIVE. */
  tradingStateCauses: TradingStateCauseCode[];
  /** The kill switch as set, who set it (by role: lifting an admin's or the system's needs an admin) and their username. */
  killSwitch: { state: TradingStateCode; setByRole: 'admin' | 'trader' | 'system' | null; setBy: string | null };
}

/** POST /api/risk/kill-switch answer: each account changed, as it now trades. */
export type KillSwitchResponse = ({ id: number } & TradingStateFields)[];
