import type { AccountResponse, CredentialFieldResponse } from '@mcube/contracts';
import { instantJson } from '../../common/contracts/instant-json';
import type { AccountView } from './accounts.service';
import type { CredentialFieldView } from './credentials/credentials.service';

/** A stored credential field as REST shows it (masked). */
export function credentialFieldResponseOf(f: CredentialFieldView): CredentialFieldResponse {
  return { field: f.field, masked: f.masked, updatedAt: instantJson(f.updatedAt) };
}

/** An account as GET /api/accounts lists it. */
export function accountResponseOf(a: AccountView): AccountResponse {
  return {
    id: a.id,
    broker: a.broker,
    accountNumber: a.accountNumber,
    name: a.name,
    allocatedCapitalPaise: a.allocatedCapitalPaise,
    isActive: a.isActive,
    isPaperTrading: a.isPaperTrading,
    tradingState: a.tradingState,
    tradingStateCauses: a.tradingStateCauses,
    killSwitch: a.killSwitch,
    hasCredentials: a.hasCredentials,
    requiredCredentialFields: [...a.requiredCredentialFields],
    credentialFields: a.credentialFields.map(credentialFieldResponseOf),
  };
}
