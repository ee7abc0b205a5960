import { In, type EntityManager } from 'typeorm';
import { UserEntity } from '../entities/user.entity';
import type { Role } from '../../../common/request-context/principal';

/**
 * The core module's small reads of `users` for other modules (the Telegram allow-list binds a
 * chat to a user and takes that user's role), so that they never import its entity.
 */

/** What another module may know of a user. */
export interface UserFacts {
  readonly id: number;
  readonly username: string;
  readonly role: Role;
  readonly isActive: boolean;
}

/** Whether a user with this id exists. */
export function userExists(m: EntityManager, userId: number): Promise<boolean> {
  return m.exists(UserEntity, { where: { id: userId } });
}

/** These users' facts by id (an unknown id is left out). */
export async function usersByIds(m: EntityManager, userIds: readonly number[]): Promise<Map<number, UserFacts>> {
  if (userIds.length === 0) return new Map();
  const rows = await m.find(UserEntity, { where: { id: In([...new Set(userIds)]) }, select: { id: true, username: true, role: true, isActive: true } });
  return new Map(rows.map((u) => [u.id, { id: u.id, username: u.username, role: u.role, isActive: u.isActive }]));
}
