import { inject, Injectable } from '@angular/core';
import type { ApprovalResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** The human approval queue: list, approve, reject (with a reason). */
@Injectable({ providedIn: 'root' })
export class ApprovalsApi {
  private readonly api = inject(ApiClient);

  list(status?: ApprovalResponse['status']): Promise<ApprovalResponse[]> {
    return this.api.get<ApprovalResponse[]>('/approvals', status ? { status, limit: 100 } : { limit: 100 });
  }

  approve(id: string): Promise<ApprovalResponse> {
    return this.api.post<ApprovalResponse>(`/approvals/${encodeURIComponent(id)}/approve`);
  }

  reject(id: string, reason: string): Promise<ApprovalResponse> {
    return this.api.post<ApprovalResponse>(`/approvals/${encodeURIComponent(id)}/reject`, { reason });
  }
}
