import { AppException } from '../../../src/common/errors/app-exception';
import type { Principal } from '../../../src/common/request-context/principal';
import type { ApprovalDecision, ApprovalEvent, ApprovalsPort, PendingApproval } from '../../../src/modules/strategies/approvals/approvals.port';

/**
 * A test double of the approval queue behind `ApprovalsPort`, with the port's guarantees
 * (NOT_FOUND, CONFLICT once decided, one `decided` event per decision wherever it is taken).
 * `create`, `decideInConsole` and `expire` play the queue's other side.
 */
export class InMemoryApprovals implements ApprovalsPort {
  readonly pending = new Map<string, PendingApproval>();
  readonly decisions: ApprovalDecision[] = [];
  private readonly listeners = new Set<(e: ApprovalEvent) => void>();

  async listPending(): Promise<PendingApproval[]> {
    return [...this.pending.values()];
  }

  async approve(id: string, by: Principal): Promise<ApprovalDecision> {
    return this.decide(id, 'APPROVED', by.username, null);
  }

  async reject(id: string, by: Principal, reason: string): Promise<ApprovalDecision> {
    return this.decide(id, 'REJECTED', by.username, reason);
  }

  subscribe(listener: (e: ApprovalEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  create(a: PendingApproval): void {
    this.pending.set(a.id, a);
    for (const l of this.listeners) l({ type: 'created', approval: a });
  }

  decideInConsole(id: string, by: string): ApprovalDecision {
    return this.decide(id, 'APPROVED', by, null);
  }

  expire(id: string): ApprovalDecision {
    return this.decide(id, 'EXPIRED', null, null);
  }

  private decide(id: string, state: ApprovalDecision['state'], by: string | null, reason: string | null): ApprovalDecision {
    if (!this.pending.has(id)) {
      if (this.decisions.some((d) => d.id === id)) throw new AppException('CONFLICT', `approval ${id} was already decided`);
      throw new AppException('NOT_FOUND', `approval ${id} not found`);
    }
    this.pending.delete(id);
    const decision: ApprovalDecision = { id, state, by, reason, atMs: Date.now() };
    this.decisions.push(decision);
    for (const l of this.listeners) l({ type: 'decided', decision });
    return decision;
  }
}
