import { Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CodeColumn, CreatedAtColumn, InstantColumn, IntColumn, VarcharColumn } from '../../../database/columns';
import type { Role } from '../../../common/request-context/principal';

/**
 * An API key for scripts. The clear key is shown once at creation; only its SHA-256 is kept
 * (enough for a 256-bit random key). `prefix` finds the row without scanning hashes.
 */
@Entity('api_keys')
@Unique('uq_api_keys_prefix', ['prefix'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @VarcharColumn(16)
  prefix!: string;

  @VarcharColumn(64)
  keyHash!: string;

  @VarcharColumn(100)
  name!: string;

  @Index('ix_api_keys_user_id')
  @IntColumn()
  userId!: number;

  /** Never stronger than the owner's role at use time. */
  @CodeColumn({ length: 16 })
  role!: Role;

  @InstantColumn({ nullable: true })
  lastUsedAt!: Date | null;

  @InstantColumn({ nullable: true })
  revokedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
