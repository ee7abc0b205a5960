import { inject, Injectable } from '@angular/core';
import type { FuturesPositionResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** An ICICI futures position with its plan, averaging attempts and their approvals. */
@Injectable({ providedIn: 'root' })
export class FuturesPositionApi {
  private readonly api = inject(ApiClient);

  get(id: number): Promise<FuturesPositionResponse> {
    return this.api.get<FuturesPositionResponse>(`/strategies/icici-futures/positions/${id}`);
  }
}
