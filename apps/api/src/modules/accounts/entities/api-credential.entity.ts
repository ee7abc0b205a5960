import { Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { IntColumn, TextColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';
import { BrokerAccount } from './broker-account.entity';

/**
 * One broker credential value of one account, encrypted with AES-256-GCM: a random 96-bit IV
 * per value, the authentication tag, and the id of the key that sealed it (for rotation).
 * The account id and field name are bound as additional data, so a row cannot be moved to
 * another account or field. The clear value never leaves the credential cipher.
 */
@Entity('api_credentials')
@Unique('uq_api_credentials_account_field', ['accountId', 'field'])
export class ApiCredential extends TimestampedRow {
  @Index('ix_api_credentials_account_id')
  @IntColumn()
  accountId!: number;

  @ManyToOne(() => BrokerAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: BrokerAccount;

  /** Credential field name, e.g. `consumerKey`, `mpin`, `apiSecret`. */
  @VarcharColumn(40)
  field!: string;

  /** First 16 hex digits of SHA-256 of the key. */
  @VarcharColumn(16)
  keyId!: string;

  /** base64 of the 12-byte IV. */
  @VarcharColumn(24)
  iv!: string;

  /** base64 ciphertext. */
  @TextColumn()
  ciphertext!: string;

  /** base64 of the 16-byte GCM tag. */
  @VarcharColumn(24)
  authTag!: string;
}
