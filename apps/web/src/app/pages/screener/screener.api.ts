import { inject, Injectable } from '@angular/core';
import type { FuturesScreenResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** The ICICI futures screener: stored screens and "what would it do now". */
@Injectable({ providedIn: 'root' })
export class ScreenerApi {
  private readonly api = inject(ApiClient);

  screens(accountId: number): Promise<FuturesScreenResponse[]> {
    return this.api.get<FuturesScreenResponse[]>('/strategies/icici-futures/screens', { accountId });
  }

  evaluateNow(accountId: number): Promise<FuturesScreenResponse['evaluation']> {
    return this.api.get<FuturesScreenResponse['evaluation']>('/strategies/icici-futures/evaluation', { accountId });
  }
}
