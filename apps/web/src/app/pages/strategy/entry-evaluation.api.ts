import { inject, Injectable } from '@angular/core';
import type { EntryEvaluationResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** "What would it do now": the Kotak strangle's entry evaluation on the current market (never trades). */
@Injectable({ providedIn: 'root' })
export class EntryEvaluationApi {
  private readonly api = inject(ApiClient);

  evaluate(accountId: number): Promise<EntryEvaluationResponse> {
    return this.api.get<EntryEvaluationResponse>('/strategies/kotak-strangle/evaluation', { accountId });
  }
}
