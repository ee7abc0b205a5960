import { AppException } from '../../../common/errors/app-exception';
import type { ApprovalDecision, ApprovalsPort, PendingApproval } from './approvals.port';

/**
 * The embedded default until the ICICI approval queue exists (issue 16): nothing is pending,
 * and a decision is refused with NOT_FOUND saying so. Never emits events.
 */
export class NoApprovalQueue implements ApprovalsPort {
  async listPending(): Promise<PendingApproval[]> {
    return [];
  }

  async approve(id: string): Promise<ApprovalDecision> {
    throw new AppException('NOT_FOUND', `approval ${id} not found (no approval queue is wired yet)`);
  }

  async reject(id: string): Promise<ApprovalDecision> {
    throw new AppException('NOT_FOUND', `approval ${id} not found (no approval queue is wired yet)`);
  }

  subscribe(): () => void {
    return () => undefined;
  }
}
