import { inject, Injectable } from '@angular/core';
import { ApiClient } from '../../core/api/api-client';

/** GET /api/accounts/:id/risk-limits: the stored limits (fractions 0..1, amounts in paise). */
export type RiskLimitsView = Record<string, unknown> & { id: number; accountId: number };

/** An account's risk limits: read (any role), change (trader/admin, audited). */
@Injectable({ providedIn: 'root' })
export class RiskLimitsApi {
  private readonly api = inject(ApiClient);

  get(accountId: number): Promise<RiskLimitsView> {
    return this.api.get<RiskLimitsView>(`/accounts/${accountId}/risk-limits`);
  }

  update(accountId: number, changes: Record<string, unknown>): Promise<RiskLimitsView> {
    return this.api.put<RiskLimitsView>(`/accounts/${accountId}/risk-limits`, changes);
  }
}
