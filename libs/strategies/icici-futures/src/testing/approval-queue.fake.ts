import type { ApprovalRequestPort, FuturesApprovalRequest } from '../ports/approval-request.port';

/** The approval queue in memory: requests stay open until decided or expired. */
export class InMemoryApprovalQueue implements ApprovalRequestPort {
  readonly requests: FuturesApprovalRequest[] = [];
  readonly decided = new Set<string>();

  async request(request: FuturesApprovalRequest): Promise<void> {
    if (this.requests.some((r) => r.requestId === request.requestId)) throw new Error(`duplicate request ${request.requestId}`);
    this.requests.push(JSON.parse(JSON.stringify(request)) as FuturesApprovalRequest);
  }

  async openRequests(accountId: string, nowMs: number): Promise<readonly FuturesApprovalRequest[]> {
    return this.requests.filter((r) => r.accountId === accountId && !this.decided.has(r.requestId) && r.expiresAtMs >= nowMs);
  }

  /** Marks a request decided (the host does this when a person answers). */
  decide(requestId: string): FuturesApprovalRequest {
    const r = this.requests.find((x) => x.requestId === requestId);
    if (!r) throw new Error(`unknown request ${requestId}`);
    this.decided.add(requestId);
    return r;
  }
}
