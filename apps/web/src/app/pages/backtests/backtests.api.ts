import { inject, Injectable } from '@angular/core';
import type { BacktestDetailResponse, BacktestRunResponse, CreateBacktestRequest, DriftReportResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** `/api/backtests`: runs (queued as jobs, progress on the socket), their reports, and the drift report. */
@Injectable({ providedIn: 'root' })
export class BacktestsApi {
  private readonly api = inject(ApiClient);

  list(): Promise<BacktestRunResponse[]> {
    return this.api.get<BacktestRunResponse[]>('/backtests');
  }

  get(id: number): Promise<BacktestDetailResponse> {
    return this.api.get<BacktestDetailResponse>(`/backtests/${id}`);
  }

  create(request: CreateBacktestRequest): Promise<BacktestRunResponse> {
    return this.api.post<BacktestRunResponse>('/backtests', request);
  }

  drift(q: { accountId: number; runId: number; from: string; to: string }): Promise<DriftReportResponse> {
    return this.api.get<DriftReportResponse>('/backtests/drift', q);
  }
}
