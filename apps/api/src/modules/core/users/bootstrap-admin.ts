import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UserEntity } from '../entities/user.entity';
import { hashPassword } from './password-hasher';

/** What `bootstrapAdmin` did; `oneTimePassword` is present only when it generated one (print it once). */
export interface BootstrapAdminResult {
  created: boolean;
  username: string;
  oneTimePassword?: string;
}

/**
 * Creates the first admin if no admin exists yet (idempotent: a second run changes nothing).
 * The password comes from `opts.password` (MCUBE_ADMIN_PASSWORD) or is generated: 24 random
 * characters returned once and flagged to be changed. Only the argon2id hash is stored.
 */
export async function bootstrapAdmin(
  dataSource: DataSource,
  opts: { username?: string; password?: string },
): Promise<BootstrapAdminResult> {
  const username = (opts.username ?? 'admin').trim().toLowerCase();
  const users = dataSource.getRepository(UserEntity);
  const existing = await users.findOne({ where: { role: 'admin' } });
  if (existing) return { created: false, username: existing.username };
  if (opts.password !== undefined && opts.password.length < 12) {
    throw new Error('MCUBE_ADMIN_PASSWORD must be at least 12 characters');
  }
  if (await users.findOne({ where: { username } })) {
    throw new Error(`A non-admin user named "${username}" already exists; choose another MCUBE_ADMIN_USERNAME`);
  }
  const generated = opts.password === undefined ? randomBytes(18).toString('base64url') : undefined;
  const password = opts.password ?? (generated as string);
  await users.insert({
    username,
    passwordHash: await hashPassword(password),
    role: 'admin',
    failedAttempts: 0,
    lockedUntil: null,
    isActive: true,
    mustChangePassword: generated !== undefined,
    lastLoginAt: null,
  });
  return generated ? { created: true, username, oneTimePassword: generated } : { created: true, username };
}
