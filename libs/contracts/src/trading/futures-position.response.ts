import type { ApprovalResponse } from './approval.response';

/** One order of a futures position (entry, averaging or exit) as the detail page lists it. */
export interface FuturesPositionOrderView {
  id: number;
  clientOrderId: string;
  purpose: string;
  side: 'BUY' | 'SELL';
  quantity: number;
  filledQuantity: number;
  status: string;
  limitPricePaise: number | null;
  avgFillPricePaise: number | null;
  approvedBy: string | null;
  createdAtMs: number;
}

/** One averaging attempt: the person's approval request and, once approved and sent, its order. */
export interface FuturesAveragingAttemptView {
  /** 1-based attempt number from the averaging rule (null when the request does not say). */
  attempt: number | null;
  approval: ApprovalResponse;
  order: FuturesPositionOrderView | null;
}

/** The exit rules still ahead of an open position, and the last assessment the monitor journalled. */
export interface FuturesExitRuleView {
  stopLossPricePaise: number | null;
  targetPricePaise: number | null;
  /** Daily check time (IST) and the share of the target distance needed to exit then. */
  eodTime: string;
  eodMinProfitPct: number;
  /** First of the last trading days before expiry the position is never carried into, and what happens then. */
  preExpiryFrom: string | null;
  preExpiryAction: 'CLOSE' | 'ROLL';
  /** The monitor's latest HOLD/EXIT decision: code (e.g. NO_EXIT_CONDITION, EOD_HOLD_BELOW_MIN_PROFIT, STOP_LOSS_HIT) and why. */
  latest: { code: string | null; decision: string; reason: string; atMs: number } | null;
}

/** GET /api/strategies/icici-futures/positions/:id: an ICICI futures position with its plan, attempts, approvals and P&L. */
export interface FuturesPositionResponse {
  id: number;
  accountId: number;
  status: string;
  underlying: string;
  expiry: string;
  direction: 'LONG' | 'SHORT' | null;
  lotSize: number | null;
  /** Open quantity (0 once closed). */
  quantity: number;
  /** First entry fill price and the position's average (after averaging), in paise. */
  entryPricePaise: number | null;
  averagePricePaise: number | null;
  lastPricePaise: number | null;
  exitPricePaise: number | null;
  stopLossPricePaise: number | null;
  targetPricePaise: number | null;
  averagingCount: number;
  realizedPnlPaise: number;
  unrealizedPnlPaise: number;
  openedAtMs: number;
  closedAtMs: number | null;
  exitReason: string | null;
  /** The approval the entry was sent under (score breakdown and verdict in its `request`), when found. */
  entryApproval: ApprovalResponse | null;
  averagingAttempts: FuturesAveragingAttemptView[];
  orders: FuturesPositionOrderView[];
  exitRule: FuturesExitRuleView;
}
