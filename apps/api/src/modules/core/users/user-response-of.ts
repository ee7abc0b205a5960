import type { UserResponse } from '@mcube/contracts';
import { instantJson, instantJsonOrNull } from '../../../common/contracts/instant-json';
import type { UserView } from './users.service';

/** A user as REST shows it (never the password hash). */
export function userResponseOf(u: UserView): UserResponse {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    isActive: u.isActive,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: instantJsonOrNull(u.lockedUntil),
    lastLoginAt: instantJsonOrNull(u.lastLoginAt),
    createdAt: instantJson(u.createdAt),
  };
}
