import type { ApprovalRequestRow } from '../../src/modules/strategies/approvals/approval-request.entity';

/** A stored ENTRY request of the ICICI account as the strategy writes it (the card's figures), expiring `ttlMs` after `nowMs`. */
export function storedRequest(accountId: number, nowMs: number, ttlMs: number, ref: string): Partial<ApprovalRequestRow> {
  const request = {
    requestId: ref,
    kind: 'ENTRY',
    accountId: String(accountId),
    positionId: `${accountId}-IF-test`,
    intent: { accountId: String(accountId), broker: 'ICICI', segment: 'NFO-FUT', instrument: { underlying: 'TCS', kind: 'FUT', expiry: '2026-03-30' }, side: 'SELL', quantity: 175, orderType: 'LIMIT', limitPrice: 1892.55, purpose: 'ENTRY', reducesPosition: false, positionId: `${accountId}-IF-test`, estimatedMarginPaise: 0, estimatedRiskPaise: 0, estimatedExposurePaise: 0 },
    direction: 'SHORT',
    contract: 'TCS-2026-03-30-FUT',
    lots: 1,
    lotSize: 175,
    limitPrice: 1892.55,
    priceBand: { low: 1888.8, high: 1896.35 },
    stopLoss: 1902,
    target: 1873.6,
    marginPaise: 66_000_00,
    riskPaise: 1_660_00,
    exposurePaise: 3_31_000_00,
    createdAtMs: nowMs,
    expiresAtMs: nowMs + ttlMs,
    summary: 'ENTRY SHORT 1 lot(s) TCS-2026-03-30-FUT @ 1892.55, stop 1902, target 1873.6',
    candidate: null,
    validation: null,
    averaging: null,
  };
  return { requestRef: ref, accountId, strategyType: 'LLM_VALIDATED_FUTURES', kind: 'ENTRY', status: 'PENDING', summary: request.summary, request, validatorLabel: 'rules validator — no LLM configured', requestedAt: new Date(nowMs), expiresAt: new Date(nowMs + ttlMs) };
}
