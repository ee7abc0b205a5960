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

/** GET/PUT /api/accounts/:id/icici-session (never the key or the token). */
export interface IciciSessionView {
  accountId: number;
  loginUrl?: string;
  today: string;
  hasSessionToday: boolean;
  session?: string;
  problem?: string;
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

  /** An ICICI account's day session: ICICI's login link and whether today's key was entered. */
  iciciSession(accountId: number): Promise<IciciSessionView> {
    return this.api.get<IciciSessionView>(`/accounts/${accountId}/icici-session`);
  }

  /** Trader or admin. Exchanges the day's API session key (from ICICI's login page) and stores it encrypted. */
  putIciciSession(accountId: number, sessionKey: string): Promise<IciciSessionView> {
    return this.api.put<IciciSessionView>(`/accounts/${accountId}/icici-session`, { sessionKey });
  }
}
