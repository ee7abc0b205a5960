import { breezeCredentials, type BreezeCredentials } from '@mcube/brokers-icici-breeze';
import type { DataSource } from 'typeorm';
import type { CredentialCipher } from '../../../accounts/credentials/credential-cipher';
import { BROKER_CREDENTIAL_FIELDS } from '../../../accounts/credentials/broker-credential-fields';
import { openStoredCredentials } from '../../../accounts/credentials/stored-credentials';
import { IncompleteCredentialsError } from '../kotak-credentials.reader';

/** Opens an account's stored Breeze app key and secret (read when a client is built; never logged). Throws IncompleteCredentialsError. */
export async function readIciciCredentials(dataSource: DataSource, cipher: CredentialCipher, accountId: number): Promise<BreezeCredentials> {
  const clear = await openStoredCredentials(dataSource, cipher, accountId);
  const missing = BROKER_CREDENTIAL_FIELDS.ICICI.filter((f) => !clear.get(f));
  if (missing.length > 0) throw new IncompleteCredentialsError(accountId, missing, 'ICICI');
  return breezeCredentials(clear.get('apiKey'), clear.get('apiSecret'));
}
