import { Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, InstantColumn, IntColumn, VarcharColumn } from '../../../database/columns';

/**
 * A console session. The cookie carries a random 256-bit token; only its SHA-256 is stored,
 * so a database leak gives no usable session.
 */
@Entity('sessions')
export class SessionEntity {
  /** Hex SHA-256 of the session token. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Index('ix_sessions_user_id')
  @IntColumn()
  userId!: number;

  /** Synchronizer CSRF token: every cookie-authenticated write must echo it in `x-csrf-token`. */
  @VarcharColumn(64)
  csrfToken!: string;

  @InstantColumn()
  expiresAt!: Date;

  @InstantColumn()
  lastSeenAt!: Date;

  @VarcharColumn(64, { nullable: true })
  ip!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
