import { inject, Injectable } from '@angular/core';
import type { TradingStateFields } from '@mcube/contracts';
import { ApiClient } from '../api/api-client';

/** A stored credential field, masked (values never leave the server). */
export interface CredentialFieldView {
  field: string;
  masked: string;
  updatedAt: string;
}

/** GET /api/accounts item, with its effective trading state and causes. */
export interface AccountView extends TradingStateFields {
  id: number;
  broker: 'KOTAK' | 'ICICI';
  accountNumber: string;
  name: string;
  allocatedCapitalPaise: number;
  isActive: boolean;
  isPaperTrading: boolean;
  hasCredentials: boolean;
  requiredCredentialFields: readonly string[];
  credentialFields: CredentialFieldView[];
}

/** Broker accounts and their write-only credentials (used by the dashboard and settings). */
@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly api = inject(ApiClient);

  list(): Promise<AccountView[]> {
    return this.api.get<AccountView[]>('/accounts');
  }

  /** Admin only. Replaces the account's credentials; answers with the masked field list. */
  putCredentials(accountId: number, values: Record<string, string>): Promise<unknown> {
    return this.api.put(`/accounts/${accountId}/credentials`, values);
  }
}
