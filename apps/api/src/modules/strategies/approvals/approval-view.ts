import type { ApprovalResponse } from '@mcube/contracts';
import type { PendingApproval } from './approvals.port';
import type { ApprovalRequestRow } from './approval-request.entity';

/** An approval request as REST and the console show it (the card: plan, candidate, verdict, passages in `request`). */
export type ApprovalView = ApprovalResponse;

export function approvalViewOf(row: ApprovalRequestRow): ApprovalView {
  return {
    id: String(row.id),
    requestRef: row.requestRef,
    accountId: row.accountId,
    kind: row.kind,
    status: row.status,
    summary: row.summary,
    validatorLabel: row.validatorLabel,
    requestedAtMs: row.requestedAt.getTime(),
    expiresAtMs: row.expiresAt.getTime(),
    decidedBy: row.decidedBy,
    decidedAtMs: row.decidedAt?.getTime() ?? null,
    reason: row.reason,
    outcome: row.outcome,
    request: row.request,
  };
}

/** The Telegram card's view of a pending request. */
export function pendingApprovalOf(row: ApprovalRequestRow): PendingApproval {
  const label = row.validatorLabel ? ` [${row.validatorLabel}]` : '';
  return { id: String(row.id), accountId: row.accountId, title: `ICICI ${row.kind} awaits approval`, summary: `${row.summary}${label}`, createdAtMs: row.requestedAt.getTime(), expiresAtMs: row.expiresAt.getTime() };
}
