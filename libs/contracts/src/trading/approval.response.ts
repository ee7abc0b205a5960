/** Where an approval request stands: waiting for a person, decided, or expired unanswered. */
export const APPROVAL_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'EXPIRED'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** GET /api/approvals: one request of the human approval queue (an ICICI entry or averaging order), with its card in `request`. */
export interface ApprovalResponse {
  id: string;
  requestRef: string;
  accountId: number;
  kind: string;
  status: ApprovalStatus;
  summary: string;
  /** "rules validator — no LLM configured" or the model. */
  validatorLabel: string | null;
  requestedAtMs: number;
  expiresAtMs: number;
  decidedBy: string | null;
  decidedAtMs: number | null;
  reason: string | null;
  /** What the strategy did with an approval: SUBMITTED (order id), NOT_SENT (code), REJECTED_BY_PERSON, ERROR. */
  outcome: Record<string, unknown> | null;
  /** The strategy's whole request: intent, band, stop/target, margin/risk/exposure, candidate (score breakdown, OI, sector, technicals), validation (verdict, passages). */
  request: Record<string, unknown>;
}
