import { KotakNeoCredentials } from '@mcube/brokers-kotak-neo';
import type { DataSource } from 'typeorm';
import type { CredentialCipher } from '../../accounts/credentials/credential-cipher';
import { BROKER_CREDENTIAL_FIELDS } from '../../accounts/credentials/broker-credential-fields';
import { openStoredCredentials, storedCredentialFields } from '../../accounts/credentials/stored-credentials';
import type { BrokerCode } from '@mcube/contracts';

/** Why an account's stored credentials cannot be used (names the missing fields, never values). */
export class IncompleteCredentialsError extends Error {
  constructor(
    readonly accountId: number,
    readonly missing: readonly string[],
    readonly broker: BrokerCode = 'KOTAK',
  ) {
    super(`account ${accountId} has no complete ${broker === 'ICICI' ? 'ICICI' : 'Kotak'} credentials (missing: ${missing.join(', ')}): store them with PUT /api/accounts/${accountId}/credentials`);
    this.name = 'IncompleteCredentialsError';
  }
}

/** The fields `broker` needs (BROKER_CREDENTIAL_FIELDS) that the account has not stored (names only, nothing is opened). */
export async function missingCredentialFields(dataSource: DataSource, accountId: number, broker: BrokerCode): Promise<string[]> {
  const stored = await storedCredentialFields(dataSource, accountId);
  return BROKER_CREDENTIAL_FIELDS[broker].filter((f) => !stored.has(f));
}

/**
 * Opens an account's stored Kotak credentials (the accounts module's cipher and additional
 * data) into a self-redacting `KotakNeoCredentials`, read each time a login needs them so the
 * clear values are not held longer. Throws IncompleteCredentialsError.
 */
export async function readKotakCredentials(dataSource: DataSource, cipher: CredentialCipher, accountId: number): Promise<KotakNeoCredentials> {
  const clear = await openStoredCredentials(dataSource, cipher, accountId);
  const missing = BROKER_CREDENTIAL_FIELDS.KOTAK.filter((f) => !clear.get(f));
  if (missing.length > 0) throw new IncompleteCredentialsError(accountId, missing);
  const get = (f: string) => clear.get(f) as string;
  return KotakNeoCredentials.create({ consumerKey: get('consumerKey'), ucc: get('ucc'), mobileNumber: get('mobileNumber'), totpSecret: get('totpSecret'), mpin: get('mpin') });
}
