import { inject, Injectable } from '@angular/core';
import type { AccountSummaryResponse, AlertResponse, DecisionResponse, KillSwitchResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** A trading state the kill switch sets. */
export type TradingState = AccountSummaryResponse['tradingState'];

/** POST /api/risk/kill-switch answer: each account changed, with its effective state and causes. */
export type KillSwitchResult = KillSwitchResponse;

/** The dashboard's REST calls: summaries, alerts, today's decisions, the kill switch. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly api = inject(ApiClient);

  summaries(): Promise<AccountSummaryResponse[]> {
    return this.api.get<AccountSummaryResponse[]>('/accounts/summary');
  }

  alerts(): Promise<AlertResponse[]> {
    return this.api.get<AlertResponse[]>('/alerts');
  }

  acknowledge(alertId: number): Promise<AlertResponse> {
    return this.api.post<AlertResponse>(`/alerts/${alertId}/acknowledge`);
  }

  /** The decision journal of one IST day, newest first. */
  decisions(dateIst: string): Promise<DecisionResponse[]> {
    return this.api.get<DecisionResponse[]>('/decisions', { date: dateIst });
  }

  /** Sets the kill switch of one account, or of every account when `accountId` is null (admin only); audited. Lifting an admin's state needs an admin. */
  killSwitch(state: TradingState, reason: string, accountId: number | null): Promise<KillSwitchResult> {
    return this.api.post<KillSwitchResult>('/risk/kill-switch', accountId === null ? { state, reason } : { state, reason, accountId });
  }
}
