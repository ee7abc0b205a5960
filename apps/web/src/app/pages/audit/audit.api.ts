import { inject, Injectable } from '@angular/core';
import { ApiClient } from '../../core/api/api-client';

/** One audit-log row as GET /api/audit-log returns it (values are JSON text, secrets redacted). */
export interface AuditEntryView {
  id: number;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  oldValue: string | null;
  newValue: string | null;
  correlationId: string | null;
  /** When it was recorded (wall clock). */
  at: string;
}

/** GET /api/audit-log: a page, newest first. */
export interface AuditPageView {
  items: AuditEntryView[];
  total: number;
}

/** The audit trail (admin only). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly api = inject(ApiClient);

  list(q: { limit: number; offset: number; entity: string | null }): Promise<AuditPageView> {
    return this.api.get<AuditPageView>('/audit-log', { limit: q.limit, offset: q.offset, ...(q.entity ? { entity: q.entity } : {}) });
  }
}
