import type { AveragingDecision, FuturesDirection, OrderApproval, Paise, StrategyOrderCommand, TradeValidation } from '@mcube/domain';
import type { ScreenedCandidate } from '../screen/screen-report';

/** What a person is asked to approve: a new entry, an averaging order, or the re-entry of a rolled position. */
export type FuturesApprovalKind = 'ENTRY' | 'AVERAGE' | 'ROLL';

/**
 * One request for a person's approval, with everything the approval card shows. `intent` is
 * exactly the order command that is sent once approved (without its approval; the field keeps
 * its name because requests are stored): an approval token
 * should bind its account, instrument, side and quantity, and `priceBand` its limit price.
 */
export interface FuturesApprovalRequest {
  /** Unique and stable: the strategy makes it, the queue stores it. */
  readonly requestId: string;
  readonly kind: FuturesApprovalKind;
  readonly accountId: string;
  readonly positionId: string;
  readonly intent: StrategyOrderCommand;
  readonly direction: FuturesDirection;
  readonly contract: string;
  readonly lots: number;
  readonly lotSize: number;
  /** The limit price of the order, and the band its touch must stay in for the order to be sent. */
  readonly limitPrice: number;
  readonly priceBand: { readonly low: number; readonly high: number };
  /** Stop and target of the position once this order fills. */
  readonly stopLoss: number;
  readonly target: number;
  readonly marginPaise: Paise;
  readonly riskPaise: Paise;
  readonly exposurePaise: Paise;
  /** Market time, UTC epoch ms. */
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
  /** One line for lists and notifications. */
  readonly summary: string;
  /** ENTRY/ROLL: the screened candidate (score breakdown, OI, sector, technicals) and its validation (verdict, passages). */
  readonly candidate: ScreenedCandidate | null;
  readonly validation: TradeValidation | null;
  /** AVERAGE: the averaging rule's decision and the position it applies to. */
  readonly averaging: { readonly decision: AveragingDecision; readonly averagePrice: number; readonly openQuantity: number } | null;
}

/** A person's answer to a request. */
export interface FuturesApprovalDecision {
  readonly requestId: string;
  readonly approved: boolean;
  /** Who approved and when (required when approved); the host may extend it with a token. */
  readonly approval?: OrderApproval;
  readonly reason?: string;
}

/**
 * The approval queue (the API's approvals module). Guarantees: `request` stores the request
 * for a person and resolves once stored (the host pushes it to the console, Telegram …);
 * `openRequests` lists the account's requests neither decided nor expired at `nowMs`, so the
 * strategy never asks twice, also after a restart. Failures reject. The strategy never sends
 * an ENTRY or AVERAGE order before the host hands back an approved decision.
 */
export interface ApprovalRequestPort {
  request(request: FuturesApprovalRequest): Promise<void>;
  openRequests(accountId: string, nowMs: number): Promise<readonly FuturesApprovalRequest[]>;
}
