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

  /**
   * The timeline of one IST market day, newest first: every decision but the HOLD heartbeats
   * (up to 100), and the latest heartbeat (the "monitoring" row), so the day's ENTRY/SKIP/EXIT
   * never falls off the page behind heartbeats.
   */
  async decisions(dateIst: string): Promise<DecisionResponse[]> {
    const [decided, [latestHold]] = await Promise.all([
      this.api.get<DecisionResponse[]>('/decisions', { date: dateIst, exceptKind: 'HOLD' }),
      this.api.get<DecisionResponse[]>('/decisions', { date: dateIst, kind: 'HOLD', limit: 1 }),
    ]);
    return latestHold ? [latestHold, ...decided] : decided;
  }

  /** Sets the kill switch of one account, or of every account when `accountId` is null (admin only); audited. Lifting an admin's state needs an admin. */
  killSwitch(state: TradingState, reason: string, accountId: number | null): Promise<KillSwitchResult> {
    return this.api.post<KillSwitchResult>('/risk/kill-switch', accountId === null ? { state, reason } : { state, reason, accountId });
  }
}
