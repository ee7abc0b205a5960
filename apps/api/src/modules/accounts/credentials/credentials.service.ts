import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { AuditService } from '../../core/audit/audit.service';
import { ApiCredential } from '../entities/api-credential.entity';
import { BrokerAccount } from '../entities/broker-account.entity';
import { BROKER_CREDENTIAL_FIELDS } from './broker-credential-fields';
import { credentialAad, CredentialCipher } from './credential-cipher';

/** What the API may say about a stored credential field: that it is set, and when. */
export interface CredentialFieldView {
  field: string;
  masked: string;
  updatedAt: Date;
}

const MASK = '••••••••';

/** Stores broker credentials encrypted; clear values only leave through `reveal` (for broker adapters). */
@Injectable()
export class CredentialsService {
  constructor(
    @InjectRepository(ApiCredential) private readonly creds: Repository<ApiCredential>,
    @InjectRepository(BrokerAccount) private readonly accounts: Repository<BrokerAccount>,
    private readonly cipher: CredentialCipher,
    private readonly audit: AuditService,
  ) {}

  /**
   * Replaces every credential of an account. The body must hold exactly the broker's fields
   * (VALIDATION_FAILED otherwise); throws NOT_FOUND for an unknown account and
   * CREDENTIALS_KEY_MISSING when no key is configured. Audited with field names only.
   */
  async replace(accountId: number, values: Record<string, string | undefined>): Promise<CredentialFieldView[]> {
    const account = await this.accounts.findOne({ where: { id: accountId } });
    if (!account) throw new AppException('NOT_FOUND', 'No such account');
    const required = BROKER_CREDENTIAL_FIELDS[account.broker] ?? [];
    const given = Object.keys(values).filter((k) => values[k] !== undefined);
    const problems = [
      ...required.filter((f) => !given.includes(f)).map((f) => `${f}: required for a ${account.broker} account`),
      ...given.filter((f) => !required.includes(f)).map((f) => `${f}: not a ${account.broker} credential`),
    ];
    if (problems.length > 0) throw new AppException('VALIDATION_FAILED', problems);
    const sealed = required.map((field) => ({ accountId, field, ...this.cipher.seal(values[field] as string, credentialAad(accountId, field)) }));
    const before = await this.creds.find({ where: { accountId } });
    await this.creds.manager.transaction(async (m) => {
      await m.delete(ApiCredential, { accountId });
      await m.insert(ApiCredential, sealed);
      await this.audit.record(
        {
          action: 'credentials.replace',
          entity: 'broker_account',
          entityId: String(accountId),
          oldValue: { fieldsSet: before.map((c) => c.field).sort() },
          newValue: { fieldsSet: [...required].sort(), keyId: this.cipher.currentKeyId },
        },
        m,
      );
    });
    return this.fieldsOf(accountId);
  }

  /** Deletes an account's credentials (audited). */
  async remove(accountId: number): Promise<void> {
    if (!(await this.accounts.exist({ where: { id: accountId } }))) throw new AppException('NOT_FOUND', 'No such account');
    const before = await this.creds.find({ where: { accountId } });
    await this.creds.manager.transaction(async (m) => {
      await m.delete(ApiCredential, { accountId });
      await this.audit.record({ action: 'credentials.delete', entity: 'broker_account', entityId: String(accountId), oldValue: { fieldsSet: before.map((c) => c.field).sort() } }, m);
    });
  }

  /** The masked view of an account's stored fields. */
  async fieldsOf(accountId: number): Promise<CredentialFieldView[]> {
    const rows = await this.creds.find({ where: { accountId }, order: { field: 'ASC' } });
    return rows.map((r) => ({ field: r.field, masked: MASK, updatedAt: r.updatedAt }));
  }

  /** Whether every field the account's broker needs is stored. */
  async isComplete(account: BrokerAccount): Promise<boolean> {
    const stored = new Set((await this.creds.find({ where: { accountId: account.id } })).map((c) => c.field));
    return (BROKER_CREDENTIAL_FIELDS[account.broker] ?? []).every((f) => stored.has(f));
  }

  /** Clear values for a broker adapter's login. Never return this from a controller or put it in a job payload. */
  async reveal(accountId: number): Promise<Record<string, string>> {
    const rows = await this.creds.find({ where: { accountId } });
    return Object.fromEntries(rows.map((r) => [r.field, this.cipher.open(r, credentialAad(r.accountId, r.field))]));
  }

  /** Key ids of stored values that no configured key can open (boot refuses to start on any). */
  async unreadableKeyIds(): Promise<string[]> {
    const ids = await this.creds.createQueryBuilder('c').select('DISTINCT c.keyId', 'keyId').getRawMany<{ keyId: string }>();
    return ids.map((r) => r.keyId).filter((id) => !this.cipher.canOpen(id));
  }

  /**
   * Rotation step: re-seals every value not sealed with the current key (opened with the
   * previous one). Atomic; audited with the count. Returns how many values were re-sealed.
   */
  async reEncryptAll(): Promise<{ reEncrypted: number; keyId: string }> {
    const keyId = this.cipher.currentKeyId;
    if (!keyId) throw new AppException('CREDENTIALS_KEY_MISSING', 'MCUBE_CREDENTIALS_KEY is not set');
    const stale = await this.creds.find({ where: { keyId: Not(keyId) } });
    await this.creds.manager.transaction(async (m) => {
      for (const row of stale) {
        const aad = credentialAad(row.accountId, row.field);
        await m.update(ApiCredential, { id: row.id }, this.cipher.seal(this.cipher.open(row, aad), aad));
      }
      await this.audit.record({ action: 'credentials.re-encrypt', entity: 'api_credential', newValue: { reEncrypted: stale.length, keyId } }, m);
    });
    return { reEncrypted: stale.length, keyId };
  }
}
