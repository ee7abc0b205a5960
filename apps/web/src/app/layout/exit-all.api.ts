import { inject, Injectable } from '@angular/core';
import type { ExitAllAndHaltResponse } from '@mcube/contracts';
import { ApiClient } from '../core/api/api-client';

/** POST /api/risk/exit-all-and-halt: flatten every position of one account (or all) through the gateway, then HALTED. */
@Injectable({ providedIn: 'root' })
export class ExitAllApi {
  private readonly api = inject(ApiClient);

  exitAllAndHalt(reason: string, accountId: number | null): Promise<ExitAllAndHaltResponse> {
    return this.api.post<ExitAllAndHaltResponse>('/risk/exit-all-and-halt', accountId === null ? { reason } : { reason, accountId });
  }

  /** The halts still waiting for flat (stored by the API: they outlive a restart or a closed dialog). */
  waiting(): Promise<ExitAllAndHaltResponse> {
    return this.api.get<ExitAllAndHaltResponse>('/risk/exit-all-and-halt');
  }
}
