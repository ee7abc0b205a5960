import type { TradingStateFields } from '../trading/trading-state.response';

/** Path of the console's WebSocket (same origin, session cookie). */
export const WS_PATH = '/ws';

/** Close codes the server uses (4000-4999 are application codes). */
export const WS_CLOSE = {
  /** No valid session cookie or API key on the upgrade request. */
  UNAUTHENTICATED: 4401,
  /** The Origin header is not the API's own origin nor an allowed CORS origin. */
  FORBIDDEN_ORIGIN: 4403,
} as const;

/** `market.tick`: a new last price of an index or instrument (at most one per symbol per second). */
export interface MarketTickEvent {
  symbol: string;
  lastPrice: number;
  /** lastPrice − previous close, rupees/points; null without a previous close. */
  change: number | null;
  asOfMs: number;
}

/** `market.chain`: a new option-chain snapshot's summary. */
export interface MarketChainEvent {
  underlying: string;
  /** IST date. */
  expiry: string;
  pcr: number | null;
  maxPain: number | null;
  asOfMs: number;
}

/** `order.updated`: an order changed state (journal event applied), including fills. */
export interface OrderUpdatedEvent {
  orderId: number;
  clientOrderId: string;
  accountId: number;
  positionId: number | null;
  tradingSymbol: string;
  side: 'BUY' | 'SELL';
  purpose: import('../trading/order.response').OrderPurpose;
  quantity: number;
  filledQuantity: number;
  /** Rupees; null before a fill. */
  averagePrice: number | null;
  status: import('../trading/order.response').OrderStatus;
  /** Why (denial code, broker reason), when there is one. */
  reason: string | null;
  atMs: number;
}

/** `position.updated`: a position was marked, filled, exited or closed. Paise. */
export interface PositionUpdatedEvent {
  positionId: number;
  accountId: number;
  status: 'ACTIVE' | 'CLOSED';
  /** ACTIVE, EXITING (an exit requested, not flat yet) or CLOSED. */
  state: import('../trading/position.response').PositionStateCode;
  underlying: string;
  expiry: string;
  unrealizedPnlPaise: number;
  realizedPnlPaise: number;
  /** Units × delta; null when greeks could not be computed. */
  netDelta: number | null;
  legs: { tradingSymbol: string; optionType: 'CE' | 'PE' | null; strike: number | null; side: 'BUY' | 'SELL'; quantity: number; avgPricePaise: number; lastPricePaise: number | null }[];
  atMs: number;
}

/** `account.summary`: the dashboard card of an account changed (P&L, margin, state). */
export type AccountSummaryEvent = import('../trading/account-summary.response').AccountSummaryResponse;

/** `risk.state`: an account's trading state or breaker changed (kill switch, breaker trip, reset, reconciliation); the effective state with its causes. */
export interface RiskStateEvent extends TradingStateFields {
  accountId: number;
  isActive: boolean;
  breakerTripped: boolean;
  reason: string | null;
  atMs: number;
}

/** `alert.raised`: a new alert. */
export type AlertRaisedEvent = import('../trading/alert.response').AlertResponse;

/** `decision.recorded`: a new decision-journal entry (the dashboard timeline). */
export type DecisionRecordedEvent = import('../trading/decision.response').DecisionResponse;

/** `backtest.progress`: a backtest run advanced or finished (its days done of all, the run's status). */
export interface BacktestProgressEvent {
  runId: number;
  status: import('../backtests/backtest.response').BacktestStatus;
  /** 0..100. */
  progressPct: number;
  daysDone: number;
  daysTotal: number;
  /** The last simulated IST date, when known. */
  date: string | null;
  error: string | null;
  /** Wall time (a run's progress is not market time). */
  atMs: number;
}
/** `market.clock`: the market clock, once a second while someone listens. */
export type MarketClockEvent = import('../market/market-clock.response').MarketClockResponse;

/** Every server→client event by name. */
export interface WsEventMap {
  'market.clock': MarketClockEvent;
  'market.tick': MarketTickEvent;
  'market.chain': MarketChainEvent;
  'order.updated': OrderUpdatedEvent;
  'position.updated': PositionUpdatedEvent;
  'account.summary': AccountSummaryEvent;
  'risk.state': RiskStateEvent;
  'alert.raised': AlertRaisedEvent;
  'decision.recorded': DecisionRecordedEvent;
  'backtest.progress': BacktestProgressEvent;
  'approval.requested': ApprovalRequestedEvent;
  'approval.decided': ApprovalDecidedEvent;
  'approval.expired': ApprovalDecidedEvent;
}

/** `approval.requested`: a new request waits for a person (an ICICI entry or averaging order). */
export interface ApprovalRequestedEvent {
  id: string;
  accountId: number;
  title: string;
  summary: string;
  createdAtMs: number;
  expiresAtMs: number;
}

/** `approval.decided` / `approval.expired`: a request left the queue. */
export interface ApprovalDecidedEvent {
  id: string;
  state: 'APPROVED' | 'REJECTED' | 'EXPIRED';
  by: string | null;
  reason: string | null;
  atMs: number;
}

/** The name of a server→client event. */
export type WsEventName = keyof WsEventMap;

/** A message as sent on the socket: JSON `{ event, data }`. */
export type WsMessage<E extends WsEventName = WsEventName> = { [K in E]: { event: K; data: WsEventMap[K] } }[E];
