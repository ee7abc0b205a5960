import { inject, Injectable } from '@angular/core';
import type { AccountMode, LiveModeResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** The admin's live switch of one account (issue 14 §3). Kept apart from AccountsApi: only this settings card uses it. */
@Injectable({ providedIn: 'root' })
export class LiveModeApi {
  private readonly api = inject(ApiClient);

  /** Admin only. The account's mode and what going live needs (reads the broker's book when every earlier check passes). */
  status(accountId: number): Promise<LiveModeResponse> {
    return this.api.get<LiveModeResponse>(`/accounts/${accountId}/live-mode`);
  }

  /** Admin only. LIVE needs the typed words and every check (else 422 naming each failed one); PAPER is always allowed. */
  switchMode(accountId: number, mode: AccountMode, confirmation?: string): Promise<LiveModeResponse> {
    return this.api.put<LiveModeResponse>(`/accounts/${accountId}/mode`, confirmation === undefined ? { mode } : { mode, confirmation });
  }
}
