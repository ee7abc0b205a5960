import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { Principal, Role } from '../../../common/request-context/principal';
import { AuditService } from '../audit/audit.service';
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
      await m.update(UserEntity, { id }, { ...next, ...(next.isActive && !old.isActive ? { failedAttempts: 0, lockedUntil: null } : {}) });
      await this.audit.record({ action: 'user.update', entity: 'user', entityId: String(id), oldValue: old, newValue: next }, m);
    });
    await this.sessions.revokeAllFor(id);
    return userView({ ...user, ...next });
  }

  /** Changes the caller's own password after checking the current one; other sessions end. */
  async changeOwnPassword(actor: Principal, input: { currentPassword: string; newPassword: string }): Promise<void> {
    const user = await this.users.findOne({ where: { id: actor.userId } });
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new AppException('INVALID_CREDENTIALS', 'The current password is wrong');
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.users.manager.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { passwordHash, mustChangePassword: false });
      await this.audit.record({ action: 'user.password-change', entity: 'user', entityId: String(user.id), newValue: { passwordChanged: true } }, m);
    });
    await this.sessions.revokeAllFor(user.id);
  }
}
