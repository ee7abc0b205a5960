/**
 * One sentence per risk-denial code (the domain's `RiskDenialCode`; the API checks at compile
 * time that both lists are the same). Shown next to the code wherever an order was denied.
 */
export const RISK_DENIAL_TEXTS = {
  TRADING_HALTED: 'Trading is halted on this account (kill switch): no order may be sent until an admin resumes it.',
  REDUCING_ONLY: 'The account is reducing only: orders that close positions are allowed, new exposure is not.',
  NOT_RECONCILED: 'Our orders and positions have not been reconciled with the broker yet, so no new exposure is allowed.',
  EXIT_NOT_REDUCING: 'This exit would not reduce the position (wrong side or more than is open).',
  ACCOUNT_INACTIVE: 'The account is deactivated (a person or the circuit breaker switched it off).',
  CIRCUIT_BREAKER_TRIPPED: "The account's circuit breaker has tripped after a loss limit: new entries are blocked.",
  ACTIVE_POSITION_EXISTS: 'The account already holds a position for this strategy: one position at a time.',
  MARGIN_EXCEEDS_USABLE: "The order needs more margin than the account's usable margin allows.",
  PER_TRADE_RISK_EXCEEDED: 'The loss this trade could make is above the per-trade risk limit.',
  DAILY_LOSS_LIMIT_BREACHED: "Today's loss has reached the daily loss limit.",
  WEEKLY_LOSS_LIMIT_BREACHED: "This week's loss has reached the weekly loss limit.",
  MAX_DRAWDOWN_BREACHED: 'The drawdown from the equity peak has reached the maximum allowed.',
  TOTAL_EXPOSURE_EXCEEDED: "The account's total exposure would go above its limit.",
  POSITION_EXPOSURE_EXCEEDED: 'This position would be larger than the per-position exposure limit.',
  LEVERAGE_EXCEEDED: 'The order would take leverage above the allowed maximum.',
  OUTSIDE_MARKET_HOURS: 'The market is closed: orders are accepted during the NSE session only.',
  EXPIRY_TOO_NEAR: 'The contract expires too soon to open a new position in it.',
  INVALID_LOT_MULTIPLE: 'The quantity is not a whole number of lots.',
  PRICE_NOT_ON_TICK: 'The limit price is not a multiple of the tick size (₹0.05).',
  NOT_A_LIMIT_ORDER: 'Only limit orders are allowed: market orders are refused.',
  APPROVAL_REQUIRED: 'A person must approve this order before it is sent.',
  PROFIT_TARGET_REACHED: 'The period profit target is reached: no new entries until the next period.',
  INVALID_QUANTITY: 'The quantity is zero, negative or not a whole number.',
  CALENDAR_UNCONFIRMED: 'The NSE calendar for this date is not confirmed, so the expiry and session cannot be trusted.',
  ENTRY_SHAPE_INVALID: 'The entry legs do not form the strategy\'s shape (e.g. a strangle needs one short call and one short put).',
  MARGIN_UNKNOWN: "The account's margin could not be read from the broker, so the order cannot be checked.",
  TEST_ORDER_INVALID: 'A broker test order must be one lot, BUY, LIMIT at the minimum tick (₹0.05), of an option at least 10% out of the money.',
  POSITION_NOT_ACTIVE: 'An adjustment or averaging order that adds risk must name the account\'s open (ACTIVE) position, and this one does not.',
  APPROVAL_TOKEN_INVALID: 'The approval token is missing or unknown: a person must approve this order first.',
  APPROVAL_TOKEN_USED: 'The approval token was already used by another order: each approval allows one order.',
  APPROVAL_TOKEN_EXPIRED: 'The approval has expired: ask for a new approval.',
  APPROVAL_TOKEN_OTHER_ACCOUNT: 'The approval token belongs to another account.',
  APPROVAL_TOKEN_MISMATCH: 'The order differs from what was approved (contract, side, quantity or price band).',
} as const;

/** A risk-denial code the console knows a sentence for. */
export type RiskDenialTextCode = keyof typeof RISK_DENIAL_TEXTS;
