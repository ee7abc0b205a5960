import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { Principal, Role } from '../../../common/request-context/principal';
import { AuditService } from '../audit/audit.service';
import { LoginThrottleService } from '../auth/login-throttle.service';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { UserEntity } from '../entities/user.entity';
import { SessionsService } from '../sessions/sessions.service';
import { hashPassword, verifyPassword } from './password-hasher';

/** A user as the API shows it: never the hash. */
export interface UserView {
  id: number;
  username: string;
  role: Role;
  isActive: boolean;
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

/** The public view of a user entity. */
export function userView(u: UserEntity): UserView {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    isActive: u.isActive,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}

/** Admin management of console users; every change is audited. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async list(): Promise<UserView[]> {
    return (await this.users.find({ order: { username: 'ASC' } })).map(userView);
  }

  /** Creates a user; usernames are unique (case-insensitive: stored lower-case). */
  async create(input: { username: string; password: string; role: Role }): Promise<UserView> {
    const username = input.username.toLowerCase();
    if (await this.users.findOne({ where: { username } })) throw new AppException('CONFLICT', `Username "${username}" is taken`);
    const entity = this.users.create({
      username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      failedAttempts: 0,
      lockedUntil: null,
      isActive: true,
      mustChangePassword: true,
      lastLoginAt: null,
    });
    await this.users.manager.transaction(async (m) => {
      await m.save(entity);
      await this.audit.record({ action: 'user.create', entity: 'user', entityId: String(entity.id), newValue: { username, role: input.role } }, m);
    });
    return userView(entity);
  }

  /** Changes role and/or active flag; ends the user's sessions so the change applies at once. */
  async update(actor: Principal, id: number, patch: { role?: Role; isActive?: boolean }): Promise<UserView> {
    if (patch.role === undefined && patch.isActive === undefined) throw new AppException('VALIDATION_FAILED', ['body must change role or isActive']);
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw new AppException('NOT_FOUND', 'No such user');
    if (user.id === actor.userId && (patch.isActive === false || (patch.role && patch.role !== 'admin'))) {
      throw new AppException('CONFLICT', 'An admin cannot demote or deactivate themselves');
    }
    const old = { role: user.role, isActive: user.isActive };
    const next = { role: patch.role ?? user.role, isActive: patch.isActive ?? user.isActive };
    await this.users.manager.transaction(async (m) => {
      await m.update(UserEntity, { id }, next);
      await this.audit.record({ action: 'user.update', entity: 'user', entityId: String(id), oldValue: old, newValue: next }, m);
    });
    await this.sessions.revokeAllFor(id);
    return userView({ ...user, ...next });
  }

  /**
   * Changes the caller's own password. Only from a console session (an API key, perhaps a
   * weaker one in a script, never changes its owner's password); the current password is
   * checked under the login throttle (same counters as login from this address). Afterwards
   * every session of the user ends (this one too) and every API key of theirs is revoked: a
   * password change is what someone does who fears their account was used, and a key made by
   * an intruder must not outlive it.
   */
  async changeOwnPassword(actor: Principal, input: { currentPassword: string; newPassword: string }, address: string): Promise<void> {
    if (actor.via !== 'session') throw new AppException('SESSION_REQUIRED', 'A password is changed from a console session, never with an API key');
    const user = await this.throttle.attempt({ address, username: actor.username }, async () => {
      const found = await this.users.findOne({ where: { id: actor.userId } });
      return found && (await verifyPassword(found.passwordHash, input.currentPassword)) ? found : undefined;
    });
    if (!user) throw new AppException('INVALID_CREDENTIALS', 'The current password is wrong');
    if (await verifyPassword(user.passwordHash, input.newPassword)) throw new AppException('VALIDATION_FAILED', ['newPassword must differ from the current password']);
    const passwordHash = await hashPassword(input.newPassword);
    await this.users.manager.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { passwordHash, mustChangePassword: false });
      const revoked = await m.update(ApiKeyEntity, { userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record({ action: 'user.password-change', entity: 'user', entityId: String(user.id), newValue: { passwordChanged: true, apiKeysRevoked: revoked.affected ?? 0 } }, m);
    });
    await this.sessions.revokeAllFor(user.id);
  }
}
