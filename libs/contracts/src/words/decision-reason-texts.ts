/**
 * One sentence per decision reason code of the strategies (entry evaluations, entry attempts,
 * exits and holds, futures screening). The API checks at compile time that every code the
 * strategies can write is listed (see reason-texts.spec in apps/api).
 */
export const DECISION_REASON_TEXTS = {
  // Strangle entry evaluation
  ALL_CHECKS_PASSED: 'Every entry filter passed: the strangle is entered.',
  ACTIVE_POSITION_MONITOR_ONLY: 'A position is already open, so the strategy only monitors it.',
  NOT_A_TRADING_DAY: 'Not a trading day on the NSE calendar.',
  OUTSIDE_ENTRY_WINDOW: 'Outside the entry window, so no entry is evaluated.',
  CALENDAR_UNCONFIRMED: 'The NSE calendar for the day is not confirmed, so no entry is made.',
  MARKET_DATA_UNAVAILABLE: 'Market data needed for the decision was not available.',
  NO_EXPIRY_AVAILABLE: 'No listed expiry is far enough away to trade.',
  STRIKES_TOO_CLOSE: 'The strike formula put the call and the put on the same strike, so the strangle is skipped.',
  NO_LISTED_STRIKE: 'The computed strike is not listed on the exchange.',
  PREMIUM_TOO_LOW: 'The call and put premiums together are below the minimum worth selling.',
  INSUFFICIENT_MARGIN: 'Not enough usable margin for even one lot.',
  ENTRIES_PAUSED: 'Entries of this strategy are paused by a person; its exits keep running.',
  // Strangle entry attempt
  FIRST_LEG_REFUSED: 'The first leg was refused, so nothing was entered.',
  SECOND_LEG_REFUSED: 'The second leg was refused after the first filled: the first leg is closed again.',
  LEG_ENDED_UNFILLED: 'A leg ended without filling (canceled or expired), so the entry was abandoned.',
  LEG_FILL_TIMEOUT: 'A leg did not fill in time, so the entry was abandoned.',
  ENTRY_NOT_SENT: 'The entry orders were not sent.',
  // Exits and holds (strangle and futures)
  TARGET_HIT: 'The profit target is reached: the position is closed.',
  STOP_LOSS_HIT: 'The loss reached the stop-loss: the position is closed.',
  STOP_LOSS: 'The loss reached the stop-loss: the position is closed.',
  POSITION_STOP_HIT: 'The loss reached the per-position stop: the position is closed.',
  EOD_MIN_PROFIT_MET: 'At the end-of-day check the profit was above the minimum: the position is closed.',
  EOD_HOLD_BELOW_MIN_PROFIT: 'At the end-of-day check the profit was below the minimum: the position is held overnight.',
  EXPIRY_DAY_CLOSE: 'Expiry day close: the position is closed whatever the profit, nothing goes into settlement.',
  NO_EXIT_CONDITION: 'No exit condition is met: the position is held.',
  PRE_EXPIRY_CLOSE: 'The contract is about to expire: the position is closed.',
  PRE_EXPIRY_ROLL: 'The contract is about to expire: the position is rolled to the next month.',
  DAILY_LOSS_LIMIT_BREACHED: "Today's loss reached the daily loss limit.",
  WEEKLY_LOSS_LIMIT_BREACHED: "This week's loss reached the weekly loss limit.",
  MAX_DRAWDOWN_BREACHED: 'The drawdown reached the maximum allowed.',
  MANUAL: 'A person asked for this.',
  CANCELED: 'The order was canceled by a person.',
  ORDER_FILLED: 'The order filled.',
  RESTARTED: 'The system restarted while an order was working: the stored order is followed, or dropped if it never reached the broker.',
  // Futures entry and screening
  CANDIDATES_FOUND: 'The screen found candidates to trade.',
  APPROVAL_PENDING: 'A trade is waiting for a person to approve it.',
  ORDER_WORKING: 'An order is still working, so nothing new is sent.',
  NO_CANDIDATE: 'No stock passed the screen today.',
  NO_CANDIDATE_VALIDATED: 'No candidate was confirmed by the validator.',
  NO_PLAN: 'No candidate had a tradable plan.',
  NO_PRICE: 'No price was available to plan the trade.',
  NO_LOTS: 'The position size came to zero lots.',
  PRICE_OUTSIDE_BAND: 'The price is outside the allowed band.',
  RISK_REWARD_TOO_LOW: 'The reward is too small for the risk.',
  NO_FUTURES_CONTRACT: 'The stock has no futures contract.',
  INSUFFICIENT_HISTORY: 'Not enough price history to judge the stock.',
  OI_UNAVAILABLE: 'Open interest was not available.',
  NO_OI_SIGNAL: 'Open interest gives no clear signal.',
  SECTOR_UNKNOWN: "The stock's sector is not known.",
  SECTOR_UNAVAILABLE: 'Sector data was not available.',
  SECTOR_NOT_ALIGNED: "The stock's sector does not move the same way.",
  SCORE_BELOW_MIN: 'The screening score is below the minimum.',
  DATA_ERROR: 'The data could not be read.',
  POSITION_CHANGED: 'The position changed meanwhile, so the action was not taken.',
  MARGIN_EXCEEDS_USABLE: "The trade needs more margin than the account's usable margin allows.",
} as const;

/** A decision reason code the console knows a sentence for. */
export type DecisionReasonTextCode = keyof typeof DECISION_REASON_TEXTS;

/** The strangle's entry filters, in words. */
export const FILTER_NAME_TEXTS = {
  GLOBAL_MARKETS: 'Global markets (GIFT Nifty, Nasdaq, Dow)',
  NIFTY_MOVEMENT: 'Nifty movement (1-day and 3-day)',
  EVENT_CALENDAR: 'Economic events ahead',
  MARKET_REGIME: 'Market regime (VIX and Bollinger bands)',
  ONE_POSITION: 'One position at a time',
} as const;

/** A filter name the console knows words for. */
export type FilterNameTextCode = keyof typeof FILTER_NAME_TEXTS;
