import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { UserEntity } from '../entities/user.entity';
import { IssuedSession, SessionsService } from '../sessions/sessions.service';
import { verifyPassword } from '../users/password-hasher';
import { userView, UserView } from '../users/users.service';
import { KnownDevicesService } from './known-devices.service';
import { LoginThrottleService } from './login-throttle.service';

/** The same answer for an unknown user, a wrong password or an inactive account. */
const INVALID = 'Invalid username or password';

/** What a login needs: the form, the client address and the browser's known-device token if any. */
export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  deviceToken?: string;
}

/** Password login under the login throttle (no account lock: see `LoginThrottleService`). */
@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly devices: KnownDevicesService,
  ) {}

  /**
   * Checks the password and opens a session; remembers the browser as a known device of the
   * user (`device.token` is set when a new one must go into the cookie). Throws RATE_LIMITED
   * (429, Retry-After) while this address + username (or this known browser) must wait, and
   * INVALID_CREDENTIALS (401) on any other failure.
   */
  async login(input: LoginInput): Promise<{ session: IssuedSession; user: UserView; device: { token?: string; expiresAt: Date } }> {
    const username = input.username.toLowerCase();
    const knownDevice = await this.devices.knownFor(input.deviceToken, username);
    const user = await this.throttle.attempt({ address: input.ip, username, knownDevice }, async () => {
      const found = await this.users.findOne({ where: { username } });
      const passwordOk = await verifyPassword(found?.passwordHash, input.password);
      return passwordOk && found?.isActive ? found : undefined;
    });
    if (!user) throw new AppException('INVALID_CREDENTIALS', INVALID);
    const now = new Date();
    await this.users.update({ id: user.id }, { lastLoginAt: now });
    const session = await this.sessions.issue(user.id, input.ip);
    const device = await this.devices.remember(user.id, knownDevice);
    return { session, user: userView({ ...user, lastLoginAt: now }), device };
  }
}
