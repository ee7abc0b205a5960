import type { DataSource } from 'typeorm';
import { storedCredentialSeals } from '../../accounts/credentials/stored-credentials';

/**
 * A fingerprint of an account's stored credentials that changes whenever any field is stored
 * again (every seal draws a fresh IV) or removed, without opening anything. The live adapters
 * compare it before each broker call, so an admin's credential change is used by every process
 * at once, without a restart (the accounts module cannot call into the orders module).
 */
export async function credentialsStamp(dataSource: DataSource, accountId: number): Promise<string> {
  const rows = await storedCredentialSeals(dataSource, accountId);
  return rows
    .map((r) => `${r.field}:${r.keyId}:${r.iv}`)
    .sort()
    .join('|');
}
