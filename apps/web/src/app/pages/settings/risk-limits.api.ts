import { inject, Injectable } from '@angular/core';
import type { RiskLimitsResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** An account's risk limits: read (any role), change (trader/admin, audited). */
@Injectable({ providedIn: 'root' })
export class RiskLimitsApi {
  private readonly api = inject(ApiClient);

  get(accountId: number): Promise<RiskLimitsResponse> {
    return this.api.get<RiskLimitsResponse>(`/accounts/${accountId}/risk-limits`);
  }

  update(accountId: number, changes: Record<string, unknown>): Promise<RiskLimitsResponse> {
    return this.api.put<RiskLimitsResponse>(`/accounts/${accountId}/risk-limits`, changes);
  }
}
