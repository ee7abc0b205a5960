import { inject, Injectable } from '@angular/core';
import { ApiClient } from '../../core/api/api-client';

/** The two strategies mCube runs. */
export type StrategyType = 'WEEKLY_NIFTY_STRANGLE' | 'LLM_VALIDATED_FUTURES';

/** GET /api/strategy-configs item. */
export interface StrategyConfigView {
  id: number;
  accountId: number;
  strategyType: StrategyType;
  isActive: boolean;
  /** New entries paused by a person; exits keep running. */
  entriesPaused: boolean;
  version: number;
  parameters: Record<string, unknown>;
  updatedAt: string;
}

/** GET /api/strategy-configs/:id/history item: the fields one change touched. */
export interface StrategyConfigChange {
  id: number;
  at: string;
  actor: string;
  oldValue: Record<string, unknown> | null;
  newValue: Record<string, unknown> | null;
}

/** Strategy configurations: read, change parameters (trader/admin), change history. */
@Injectable({ providedIn: 'root' })
export class StrategyApi {
  private readonly api = inject(ApiClient);

  list(): Promise<StrategyConfigView[]> {
    return this.api.get<StrategyConfigView[]>('/strategy-configs');
  }

  /** Rejects with VALIDATION_FAILED (400) listing each bad field; nothing is stored then. */
  updateParameters(id: number, changes: Record<string, unknown>): Promise<StrategyConfigView> {
    return this.api.put<StrategyConfigView>(`/strategy-configs/${id}/parameters`, changes);
  }

  /** Pauses (true) or resumes (false) new entries; audited with the reason. */
  setEntriesPaused(id: number, paused: boolean, reason: string): Promise<StrategyConfigView> {
    return this.api.put<StrategyConfigView>(`/strategy-configs/${id}/entries-paused`, { paused, reason });
  }

  history(id: number): Promise<StrategyConfigChange[]> {
    return this.api.get<StrategyConfigChange[]>(`/strategy-configs/${id}/history`);
  }
}
