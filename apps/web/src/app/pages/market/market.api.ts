import { inject, Injectable } from '@angular/core';
import type { ExpiriesResponse, OptionChainResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** The symbol whose `market.tick` is NIFTY spot. */
export const NIFTY_SPOT_SYMBOL = 'NIFTY 50';

/** NIFTY expiries and option chains (every role reads). */
@Injectable({ providedIn: 'root' })
export class MarketApi {
  private readonly api = inject(ApiClient);

  expiries(): Promise<ExpiriesResponse> {
    return this.api.get<ExpiriesResponse>('/market/expiries', { underlying: 'NIFTY' });
  }

  optionChain(expiry: string): Promise<OptionChainResponse> {
    return this.api.get<OptionChainResponse>('/market/option-chain', { underlying: 'NIFTY', expiry });
  }
}
