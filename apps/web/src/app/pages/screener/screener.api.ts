import { inject, Injectable } from '@angular/core';
import type { FuturesEvaluationResponse, FuturesScreenResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** The ICICI futures screener: stored screens and "what would it do now". */
@Injectable({ providedIn: 'root' })
export class ScreenerApi {
  private readonly api = inject(ApiClient);

  screens(accountId: number): Promise<FuturesScreenResponse[]> {
    return this.api.get<FuturesScreenResponse[]>('/strategies/icici-futures/screens', { accountId });
  }

  /** Every workflow step of "what would it do now" (morning check, window, screen, plans), typed by the API's contract. */
  evaluateNow(accountId: number): Promise<FuturesEvaluationResponse> {
    return this.api.get<FuturesEvaluationResponse>('/strategies/icici-futures/evaluation', { accountId });
  }
}
