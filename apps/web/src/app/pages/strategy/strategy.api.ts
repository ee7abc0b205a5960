import { inject, Injectable } from '@angular/core';
import type { StrategyConfigChangeResponse, StrategyConfigResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** Strategy configurations: read, change parameters (trader/admin), change history. */
@Injectable({ providedIn: 'root' })
export class StrategyApi {
  private readonly api = inject(ApiClient);

  list(): Promise<StrategyConfigResponse[]> {
    return this.api.get<StrategyConfigResponse[]>('/strategy-configs');
  }

  /** Rejects with VALIDATION_FAILED (400) listing each bad field; nothing is stored then. */
  updateParameters(id: number, changes: Record<string, unknown>): Promise<StrategyConfigResponse> {
    return this.api.put<StrategyConfigResponse>(`/strategy-configs/${id}/parameters`, changes);
  }

  /** Pauses (true) or resumes (false) new entries; audited with the reason. */
  setEntriesPaused(id: number, paused: boolean, reason: string): Promise<StrategyConfigResponse> {
    return this.api.put<StrategyConfigResponse>(`/strategy-configs/${id}/entries-paused`, { paused, reason });
  }

  history(id: number): Promise<StrategyConfigChangeResponse[]> {
    return this.api.get<StrategyConfigChangeResponse[]>(`/strategy-configs/${id}/history`);
  }
}
