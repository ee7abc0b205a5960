import type { DataSource } from 'typeorm';
import { ApiCredential } from '../entities/api-credential.entity';
import { credentialAad, type CredentialCipher } from './credential-cipher';

/**
 * The accounts module's reads of `api_credentials` for the broker adapters (the orders module's
 * live clients), so that they never import its entity. Clear values are opened only by
 * `openStoredCredentials`, each time a login needs them; nothing here logs a value.
 */

/** The names of the fields the account has stored (nothing is opened). */
export async function storedCredentialFields(dataSource: DataSource, accountId: number): Promise<Set<string>> {
  const rows = await dataSource.getRepository(ApiCredential).find({ where: { accountId }, select: { field: true } });
  return new Set(rows.map((r) => r.field));
}

/** Each stored field with the id of its key and its IV (a fresh IV on every seal): enough to see a change, nothing opened. */
export async function storedCredentialSeals(dataSource: DataSource, accountId: number): Promise<{ field: string; keyId: string; iv: string }[]> {
  const rows = await dataSource.getRepository(ApiCredential).find({ where: { accountId }, select: { field: true, keyId: true, iv: true } });
  return rows.map((r) => ({ field: r.field, keyId: r.keyId, iv: r.iv }));
}

/** The account's stored fields opened with `cipher`, by field name. */
export async function openStoredCredentials(dataSource: DataSource, cipher: CredentialCipher, accountId: number): Promise<Map<string, string>> {
  const rows = await dataSource.getRepository(ApiCredential).find({ where: { accountId } });
  return new Map(rows.map((r) => [r.field, cipher.open(r, credentialAad(r.accountId, r.field))]));
}
