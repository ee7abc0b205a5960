import { inject, Injectable } from '@angular/core';
import { ApiClient } from '../../core/api/api-client';

/** One condition of going live (GET /api/accounts/:id/live-mode), met or not, in the API's words. */
export interface LiveModeCheckView {
  name: string;
  ok: boolean;
  detail: string;
  code?: string;
}

/** GET /api/accounts/:id/live-mode: the mode, the words to type, and every check. */
export interface LiveModeView {
  accountId: number;
  mode: 'PAPER' | 'LIVE';
  confirmationText: string;
  checks: LiveModeCheckView[];
}

/** The admin's live switch of one account (issue 14 §3). Kept apart from AccountsApi: only this settings card uses it. */
@Injectable({ providedIn: 'root' })
export class LiveModeApi {
  private readonly api = inject(ApiClient);

  /** Admin only. The account's mode and what going live needs (reads the broker's book when every earlier check passes). */
  status(accountId: number): Promise<LiveModeView> {
    return this.api.get<LiveModeView>(`/accounts/${accountId}/live-mode`);
  }

  /** Admin only. LIVE needs the typed words and every check (else 422 naming each failed one); PAPER is always allowed. */
  switchMode(accountId: number, mode: 'PAPER' | 'LIVE', confirmation?: string): Promise<LiveModeView> {
    return this.api.put<LiveModeView>(`/accounts/${accountId}/mode`, confirmation === undefined ? { mode } : { mode, confirmation });
  }
}
