import { Entity, Unique } from 'typeorm';
import { BoolColumn, CodeColumn, InstantColumn, IntColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';
import type { Role } from '../../../common/request-context/principal';

/** A person who logs into the console. Passwords are argon2id hashes, never stored in clear. */
@Entity('users')
@Unique('uq_users_username', ['username'])
export class UserEntity extends TimestampedRow {
  /** Lower-case; unique. */
  @VarcharColumn(64)
  username!: string;

  /** `$argon2id$…` encoded hash (parameters and salt included). */
  @VarcharColumn(255)
  passwordHash!: string;

  @CodeColumn({ length: 16 })
  role!: Role;

  /**
   * No longer written: there is no account lock any more (an attacker could trigger it against
   * the real user); failures are counted per address + username in `login_throttles`. Kept as
   * columns so existing rows stay valid; always 0 / null for new users.
   */
  @IntColumn({ default: 0 })
  failedAttempts!: number;

  /** See `failedAttempts`: never set since the login throttle replaced the lock. */
  @InstantColumn({ nullable: true })
  lockedUntil!: Date | null;

  @BoolColumn({ default: true })
  isActive!: boolean;

  /** Set for generated passwords (first admin, admin-created users): the console asks for a new one. */
  @BoolColumn({ default: false })
  mustChangePassword!: boolean;

  @InstantColumn({ nullable: true })
  lastLoginAt!: Date | null;
}
