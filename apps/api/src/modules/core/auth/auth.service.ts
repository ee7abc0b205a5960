import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';
import { AppException } from '../../../common/errors/app-exception';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../entities/user.entity';
import { IssuedSession, SessionsService } from '../sessions/sessions.service';
import { verifyPassword } from '../users/password-hasher';
import { userView, UserView } from '../users/users.service';
import { LoginRateLimiter } from './login-rate-limiter';

/** The same answer for an unknown user, a wrong password, a locked or inactive account. */
const INVALID = 'Invalid username or password, or the account is temporarily locked';

/** Password login with rate limit and lock-out. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('AuthService');

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the password and opens a session. Throws RATE_LIMITED (429, Retry-After) past the
   * per-address+username limit, INVALID_CREDENTIALS (401) otherwise on any failure; after
   * `maxFailures` failures in a row the account locks for `lockoutMinutes`.
   */
  async login(input: { username: string; password: string; ip: string }): Promise<{ session: IssuedSession; user: UserView }> {
    const username = input.username.toLowerCase();
    const wait = this.limiter.hit(input.ip, username);
    if (wait > 0) {
      this.logger.warn({ username, ip: input.ip }, 'Login rate limit reached');
      throw new AppException('RATE_LIMITED', `Too many login attempts; retry in ${wait} s`, { 'Retry-After': String(wait) });
    }
    const user = await this.users.findOne({ where: { username } });
    const passwordOk = await verifyPassword(user?.passwordHash, input.password);
    const now = new Date();
    if (!user || !user.isActive) throw new AppException('INVALID_CREDENTIALS', INVALID);
    if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
      this.logger.warn({ username }, 'Login refused: account locked');
      throw new AppException('INVALID_CREDENTIALS', INVALID);
    }
    if (!passwordOk) {
      await this.recordFailure(user, now);
      throw new AppException('INVALID_CREDENTIALS', INVALID);
    }
    await this.users.update({ id: user.id }, { failedAttempts: 0, lockedUntil: null, lastLoginAt: now });
    const session = await this.sessions.issue(user.id, input.ip);
    return { session, user: userView({ ...user, failedAttempts: 0, lockedUntil: null, lastLoginAt: now }) };
  }

  private async recordFailure(user: UserEntity, now: Date): Promise<void> {
    const { maxFailures, lockoutMinutes } = this.config.security.login;
    const failures = user.failedAttempts + 1;
    if (failures < maxFailures) {
      await this.users.update({ id: user.id }, { failedAttempts: failures });
      return;
    }
    const lockedUntil = new Date(now.getTime() + lockoutMinutes * 60_000);
    await this.users.manager.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { failedAttempts: 0, lockedUntil });
      await this.audit.record({ action: 'user.lock', entity: 'user', entityId: String(user.id), newValue: { lockedUntil: lockedUntil.toISOString(), failures } }, m);
    });
    this.logger.warn({ username: user.username, lockedUntil }, 'Account locked after repeated login failures');
  }
}
