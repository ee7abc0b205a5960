import { parseBreezeSession, serializeBreezeSession, type BreezeSession, type BreezeSessionSource } from '@mcube/brokers-icici-breeze';
import type { DataSource } from 'typeorm';
import type { CredentialCipher } from '../../../accounts/credentials/credential-cipher';
import { BrokerSession } from '../../entities/broker-session.entity';
import { sessionAad, upsertSessionRow } from '../db-kotak-session.store';

/**
 * The day's ICICI Breeze session of one account in `broker_sessions`, sealed like Kotak's
 * (AES-256-GCM with the credentials key, bound to the account): the session key and token are
 * never stored in clear. Read on every signed call, so a key entered in the console (API
 * process) is used at once by the worker. A row no configured key opens reads as "no session".
 */
export class DbIciciSessionSource implements BreezeSessionSource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CredentialCipher,
    private readonly accountId: number,
  ) {}

  async current(): Promise<BreezeSession | undefined> {
    const row = await this.dataSource.getRepository(BrokerSession).findOne({ where: { accountId: this.accountId } });
    if (!row?.keyId || !row.iv || !row.ciphertext || !row.authTag || !this.cipher.canOpen(row.keyId)) return undefined;
    try {
      return parseBreezeSession(this.cipher.open({ keyId: row.keyId, iv: row.iv, ciphertext: row.ciphertext, authTag: row.authTag }, sessionAad(this.accountId)));
    } catch {
      return undefined;
    }
  }

  /** Stores the exchanged session sealed and records the successful login of its day. */
  async save(session: BreezeSession): Promise<void> {
    const sealed = this.cipher.seal(serializeBreezeSession(session), sessionAad(this.accountId));
    await upsertSessionRow(this.dataSource, this.accountId, { ...sealed, sessionDate: session.tradeDate, lastLoginAt: new Date(session.obtainedAtMs), lastLoginDate: session.tradeDate, lastLoginOk: true, lastLoginError: null });
  }
}
