/**
 * Why mCube's risk checks refused an order. Stored with a DENIED order; the UI and
 * alerts switch on it. Adding a code is safe; renaming one breaks stored history.
 */
export type RiskDenialCode =
  | 'TRADING_HALTED'
  | 'REDUCING_ONLY'
  | 'NOT_RECONCILED'
  | 'EXIT_NOT_REDUCING'
  | 'ACCOUNT_INACTIVE'
  | 'CIRCUIT_BREAKER_TRIPPED'
  | 'ACTIVE_POSITION_EXISTS'
  | 'MARGIN_EXCEEDS_USABLE'
  | 'PER_TRADE_RISK_EXCEEDED'
  | 'DAILY_LOSS_LIMIT_BREACHED'
  | 'WEEKLY_LOSS_LIMIT_BREACHED'
  | 'MAX_DRAWDOWN_BREACHED'
  | 'TOTAL_EXPOSURE_EXCEEDED'
  | 'POSITION_EXPOSURE_EXCEEDED'
  | 'LEVERAGE_EXCEEDED'
  | 'OUTSIDE_MARKET_HOURS'
  | 'EXPIRY_TOO_NEAR'
  | 'INVALID_LOT_MULTIPLE'
  | 'PRICE_NOT_ON_TICK'
  | 'NOT_A_LIMIT_ORDER'
  | 'APPROVAL_REQUIRED'
  | 'PROFIT_TARGET_REACHED'
  | 'INVALID_QUANTITY'
  | 'CALENDAR_UNCONFIRMED'
  | 'ENTRY_SHAPE_INVALID'
  | 'MARGIN_UNKNOWN'
  | 'POSITION_NOT_ACTIVE'
  /** A TEST_ORDER that is not 1 lot BUY LIMIT at the minimum tick of an option far out of the money. */
  | 'TEST_ORDER_INVALID'
  /** The approval token: none or unknown, already consumed, past its expiry, another account, another order. */
  | 'APPROVAL_TOKEN_INVALID'
  | 'APPROVAL_TOKEN_USED'
  | 'APPROVAL_TOKEN_EXPIRED'
  | 'APPROVAL_TOKEN_OTHER_ACCOUNT'
  | 'APPROVAL_TOKEN_MISMATCH';
