import type { KotakNeoSessionStore, SerializedKotakNeoSession } from '@mcube/brokers-kotak-neo';
import { istDateTimeOf } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import type { CredentialCipher } from '../../accounts/credentials/credential-cipher';
import { BrokerSession } from '../entities/broker-session.entity';

/** Additional data binding a sealed session to its account (a row cannot be moved to another). */
export const sessionAad = (accountId: number): string => `mcube:broker-session:${accountId}`;

/**
 * The day's Kotak session of one account in `broker_sessions`, sealed with the credentials key
 * (AES-256-GCM, `CredentialCipher`): the tokens are never stored in clear. A row that no
 * configured key opens, or that does not parse, reads as "no stored session" (a new login).
 */
export class DbKotakSessionStore implements KotakNeoSessionStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CredentialCipher,
    private readonly accountId: number,
  ) {}

  async load(): Promise<SerializedKotakNeoSession | undefined> {
    const row = await this.dataSource.getRepository(BrokerSession).findOne({ where: { accountId: this.accountId } });
    if (!row?.keyId || !row.iv || !row.ciphertext || !row.authTag || !this.cipher.canOpen(row.keyId)) return undefined;
    try {
      return JSON.parse(this.cipher.open({ keyId: row.keyId, iv: row.iv, ciphertext: row.ciphertext, authTag: row.authTag }, sessionAad(this.accountId))) as SerializedKotakNeoSession;
    } catch {
      return undefined;
    }
  }

  async save(session: SerializedKotakNeoSession): Promise<void> {
    const sealed = this.cipher.seal(JSON.stringify(session), sessionAad(this.accountId));
    await upsertSessionRow(this.dataSource, this.accountId, { ...sealed, sessionDate: istDateTimeOf(session.loggedInAtMs).date });
  }
}

/** Records the outcome of a login attempt (wall time `atMs`); the error's words only, never secrets. */
export async function recordLoginOutcome(dataSource: DataSource, accountId: number, atMs: number, error?: string): Promise<void> {
  await upsertSessionRow(dataSource, accountId, { lastLoginAt: new Date(atMs), lastLoginDate: istDateTimeOf(atMs).date, lastLoginOk: error === undefined, lastLoginError: error?.slice(0, 1000) ?? null });
}

/** The stored login state of an account, if any. */
export function loginStateOf(dataSource: DataSource, accountId: number): Promise<BrokerSession | null> {
  return dataSource.getRepository(BrokerSession).findOne({ where: { accountId } });
}

export async function upsertSessionRow(dataSource: DataSource, accountId: number, values: Partial<BrokerSession>): Promise<void> {
  const repo = dataSource.getRepository(BrokerSession);
  const updated = await repo.update({ accountId }, values);
  if (updated.affected) return;
  try {
    await repo.insert({ accountId, lastLoginOk: false, ...values });
  } catch {
    // Another writer inserted the row first: apply ours over it.
    await repo.update({ accountId }, values);
  }
}
