import { epochMsOfIst, formatPaise, istDateTimeOf, type NseCalendar, type StrategyOrderCommand, type TradeValidation } from '@mcube/domain';
import type { IciciFuturesConfig } from '../config/icici-futures.config';
import type { AveragingAssessment } from '../plan/averaging-plan';
import { priceBand } from '../plan/prices';
import type { TradePlan } from '../plan/trade-plan';
import type { FuturesApprovalKind, FuturesApprovalRequest } from '../ports/approval-request.port';
import type { FuturesPositionState } from '../ports/futures-account.port';
import type { ScreenedCandidate } from '../screen/screen-report';

/** The session close of the request's day (requests never outlive the session). */
function sessionCloseMs(calendar: NseCalendar, nowMs: number): number {
  const { date } = istDateTimeOf(nowMs);
  const session = calendar.sessionFor(date);
  return session ? epochMsOfIst(date, session.close) : nowMs;
}

/**
 * The approval request of a new entry (or of a rolled position's re-entry, kind ROLL): the exact
 * LIMIT order (purpose ENTRY, the strategy's sizing as caller figures), its price band, stop and target, margin, risk and
 * exposure, the screened candidate and the validation. It expires after `approvalTtlMs`, and an
 * ENTRY never later than `entryWindowEnd` (a ROLL never after the session close).
 */
export function entryApprovalRequest(input: {
  config: IciciFuturesConfig;
  calendar: NseCalendar;
  kind: Extract<FuturesApprovalKind, 'ENTRY' | 'ROLL'>;
  /** The screened candidate (null for a ROLL, which re-enters the rolled position's direction). */
  candidate: ScreenedCandidate | null;
  plan: TradePlan;
  validation: TradeValidation | null;
  nowMs: number;
}): FuturesApprovalRequest {
  const { config: c, plan: p, nowMs } = input;
  const { date } = istDateTimeOf(nowMs);
  const positionId = `${c.accountId}-IF-${date}-${nowMs}`;
  const intent: StrategyOrderCommand = {
    segment: 'NFO-FUT',
    instrument: { underlying: p.contract.underlying, kind: 'FUT', expiry: p.contract.expiry },
    side: p.side,
    quantity: p.size.quantity,
    orderType: 'LIMIT',
    limitPrice: p.entryPrice,
    purpose: 'ENTRY',
    strategyPositionId: positionId,
    callerFigures: { marginPaise: p.size.marginPaise, riskPaise: p.riskPaise, exposurePaise: p.size.exposurePaise },
  };
  const cap = input.kind === 'ENTRY' ? epochMsOfIst(date, c.entryWindowEnd) : sessionCloseMs(input.calendar, nowMs);
  return {
    requestId: `${c.accountId}-IF-${input.kind}-${date}-${nowMs}`,
    kind: input.kind,
    accountId: c.accountId,
    positionId,
    intent,
    direction: p.direction,
    contract: p.contract.tradingSymbol,
    lots: p.size.lots,
    lotSize: p.contract.lotSize,
    limitPrice: p.entryPrice,
    priceBand: p.priceBand,
    stopLoss: p.stopLoss,
    target: p.target,
    marginPaise: p.size.marginPaise,
    riskPaise: p.riskPaise,
    exposurePaise: p.size.exposurePaise,
    createdAtMs: nowMs,
    expiresAtMs: Math.max(nowMs, Math.min(nowMs + c.approvalTtlMs, cap)),
    summary: `${input.kind} ${p.direction} ${p.size.lots} lot(s) ${p.contract.tradingSymbol} @ ${p.entryPrice}, stop ${p.stopLoss}, target ${p.target}, risk ${formatPaise(p.riskPaise)}${input.candidate ? `, score ${input.candidate.score.score}` : ''}`,
    candidate: input.candidate,
    validation: input.validation,
    averaging: null,
  };
}

/**
 * The approval request of an averaging order (DECISIONS §1: a person approves every one): the
 * LIMIT order (purpose AVERAGE, same position id, its sizing as caller figures), the stop and target the position gets after
 * the fill, and the rule's decision. Expires after `approvalTtlMs`, never after the session close.
 */
export function averagingApprovalRequest(input: {
  config: IciciFuturesConfig;
  calendar: NseCalendar;
  position: FuturesPositionState;
  contract: string;
  assessment: AveragingAssessment;
  limitPrice: number;
  nowMs: number;
}): FuturesApprovalRequest {
  const { config: c, position, assessment: a, nowMs } = input;
  const side = position.direction === 'LONG' ? 'BUY' : 'SELL';
  const attempt = a.decision.attempt;
  const intent: StrategyOrderCommand = {
    segment: 'NFO-FUT',
    instrument: { underlying: position.underlying, kind: 'FUT', expiry: position.expiry },
    side,
    quantity: a.quantity,
    orderType: 'LIMIT',
    limitPrice: input.limitPrice,
    purpose: 'AVERAGE',
    strategyPositionId: position.positionId,
    callerFigures: { marginPaise: a.marginPaise, riskPaise: a.riskPaise, exposurePaise: a.exposurePaise },
  };
  return {
    requestId: `${c.accountId}-IF-AVERAGE${attempt}-${position.positionId}-${nowMs}`,
    kind: 'AVERAGE',
    accountId: c.accountId,
    positionId: position.positionId,
    intent,
    direction: position.direction,
    contract: input.contract,
    lots: a.lots,
    lotSize: position.lotSize,
    limitPrice: input.limitPrice,
    priceBand: priceBand(input.limitPrice, c.priceBandPct, c.tickSize),
    stopLoss: a.newStopLoss as number,
    target: a.newTarget as number,
    marginPaise: a.marginPaise,
    riskPaise: a.riskPaise,
    exposurePaise: a.exposurePaise,
    createdAtMs: nowMs,
    expiresAtMs: Math.max(nowMs, Math.min(nowMs + c.approvalTtlMs, sessionCloseMs(input.calendar, nowMs))),
    summary: `AVERAGE attempt ${attempt}: ${side} ${a.lots} lot(s) ${input.contract} @ ${input.limitPrice}; new average ${a.newAveragePrice}, stop ${a.newStopLoss}, target ${a.newTarget}`,
    candidate: null,
    validation: null,
    averaging: { decision: a.decision, averagePrice: position.averagePrice, openQuantity: position.quantity },
  };
}
