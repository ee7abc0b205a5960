import { inject, Injectable } from '@angular/core';
import type { AccountResponse, CredentialFieldResponse, IciciSessionResponse } from '@mcube/contracts';
import { ApiClient } from '../api/api-client';

/** Broker accounts and their write-only credentials (used by the dashboard and settings). */
@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly api = inject(ApiClient);

  list(): Promise<AccountResponse[]> {
    return this.api.get<AccountResponse[]>('/accounts');
  }

  /** Admin only. Replaces the account's credentials; answers with the masked field list. */
  putCredentials(accountId: number, values: Record<string, string>): Promise<CredentialFieldResponse[]> {
    return this.api.put<CredentialFieldResponse[]>(`/accounts/${accountId}/credentials`, values);
  }

  /** An ICICI account's day session: ICICI's login link and whether today's key was entered. */
  iciciSession(accountId: number): Promise<IciciSessionResponse> {
    return this.api.get<IciciSessionResponse>(`/accounts/${accountId}/icici-session`);
  }

  /** Trader or admin. Exchanges the day's API session key (from ICICI's login page) and stores it encrypted. */
  putIciciSession(accountId: number, sessionKey: string): Promise<IciciSessionResponse> {
    return this.api.put<IciciSessionResponse>(`/accounts/${accountId}/icici-session`, { sessionKey });
  }
}
