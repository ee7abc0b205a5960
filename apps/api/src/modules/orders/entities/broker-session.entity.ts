import { Entity, Unique } from 'typeorm';
import { BoolColumn, IntColumn, IstDateColumn, InstantColumn, TextColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/**
 * The day's broker session of one account, sealed like the credentials (AES-256-GCM with the
 * credentials key, bound to the account by its additional data), and the outcome of the
 * account's last login. Only the process that owns broker sessions writes it; others read
 * today's session from here and never log in themselves.
 */
@Entity('broker_sessions')
@Unique('uq_broker_sessions_account', ['accountId'])
export class BrokerSession extends TimestampedRow {
  @IntColumn()
  accountId!: number;

  /** IST day the stored session belongs to (null: no session stored). */
  @IstDateColumn({ nullable: true })
  sessionDate!: string | null;

  @VarcharColumn(16, { nullable: true })
  keyId!: string | null;

  @VarcharColumn(24, { nullable: true })
  iv!: string | null;

  @TextColumn({ nullable: true })
  ciphertext!: string | null;

  @VarcharColumn(24, { nullable: true })
  authTag!: string | null;

  /** The last login attempt (wall time) and whether it succeeded; the error's words when not. */
  @InstantColumn({ nullable: true })
  lastLoginAt!: Date | null;

  @IstDateColumn({ nullable: true })
  lastLoginDate!: string | null;

  @BoolColumn({ default: false })
  lastLoginOk!: boolean;

  @TextColumn({ nullable: true })
  lastLoginError!: string | null;
}
