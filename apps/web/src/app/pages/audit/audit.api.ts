import { inject, Injectable } from '@angular/core';
import type { AuditPageResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** The audit trail (admin only). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly api = inject(ApiClient);

  list(q: { limit: number; offset: number; entity: string | null }): Promise<AuditPageResponse> {
    return this.api.get<AuditPageResponse>('/audit-log', { limit: q.limit, offset: q.offset, ...(q.entity ? { entity: q.entity } : {}) });
  }
}
