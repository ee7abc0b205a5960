import type { SubmitOrderResponse } from './order.response';
import type { PositionExitResponse, PositionStateCode } from './position.response';

/** GET /api/positions item: the stored position row with its display `state` and requested `exit`. Paise; times ISO instants. */
export interface PositionListItemResponse {
  id: number;
  accountId: number;
  strategyType: string;
  /** As stored: an EXITING position is still ACTIVE (see `state`). */
  status: 'ACTIVE' | 'CLOSED';
  direction: string;
  underlying: string;
  expiryDate: string;
  quantity: number;
  entryPricePaise: number | null;
  stopLossPricePaise: number | null;
  targetPricePaise: number | null;
  callStrike: number | null;
  putStrike: number | null;
  premiumCollectedPaise: number;
  marginUsedPaise: number;
  entryValuePaise: number;
  realizedPnlPaise: number;
  unrealizedPnlPaise: number;
  /** Net delta at the last mark (units × delta). */
  currentDelta: number;
  averagingCount: number;
  partialBooked: boolean;
  openedAt: string;
  closedAt: string | null;
  exitReason: string | null;
  exitRequestedAt: string | null;
  exitOwner: PositionExitResponse['owner'] | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  state: PositionStateCode;
  exit: PositionExitResponse | null;
}

/** POST /api/positions/:id/exit: one gateway result per open leg. */
export interface PositionExitOrdersResponse {
  positionId: number;
  reason: string;
  exits: SubmitOrderResponse[];
}

/** POST /api/positions/:id/legs/:legId/exit: the gateway's result for the leg's one EXIT order. */
export interface LegExitOrderResponse {
  positionId: number;
  legId: number;
  reason: string;
  exit: SubmitOrderResponse;
}
