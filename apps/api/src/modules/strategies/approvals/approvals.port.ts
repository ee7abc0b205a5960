import type { Principal } from '../../../common/request-context/principal';

/** A decision waiting for a person (an ICICI futures trade the LLM validated). */
export interface PendingApproval {
  /** The queue's id (short: it travels in Telegram button data, at most 40 characters). */
  readonly id: string;
  readonly accountId: number;
  readonly title: string;
  /** Plain text: what would be traded and why (entry, stop, target, the LLM's verdict). */
  readonly summary: string;
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
}

/** How an approval ended. */
export interface ApprovalDecision {
  readonly id: string;
  readonly state: 'APPROVED' | 'REJECTED' | 'EXPIRED';
  /** Who decided (username); null for an expiry. */
  readonly by: string | null;
  readonly reason: string | null;
  readonly atMs: number;
}

/** What the queue tells its listeners. */
export type ApprovalEvent = { readonly type: 'created'; readonly approval: PendingApproval } | { readonly type: 'decided'; readonly decision: ApprovalDecision };

/**
 * The human approval queue as the Telegram bot sees it (the queue itself is the ICICI
 * strategy's, issue 16). Required: all four. Guarantees: `approve`/`reject` apply the same
 * checks as the console (role trader or above is checked by the caller; the queue checks the
 * state) and throw an `AppException` NOT_FOUND for an unknown id, CONFLICT for a decided or
 * expired one; every decision, wherever taken (console, Telegram, expiry), is told to every
 * subscriber once as a `decided` event, and every new approval as `created`.
 */
export interface ApprovalsPort {
  listPending(): Promise<PendingApproval[]>;
  approve(id: string, by: Principal): Promise<ApprovalDecision>;
  reject(id: string, by: Principal, reason: string): Promise<ApprovalDecision>;
  /** Registers a listener; returns the unsubscribe function. */
  subscribe(listener: (event: ApprovalEvent) => void): () => void;
}

/** DI token of the approvals queue the bot uses. */
export const APPROVALS_PORT = Symbol('mcube:approvals-port');
