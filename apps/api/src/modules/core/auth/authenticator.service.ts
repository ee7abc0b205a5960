import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Principal } from '../../../common/request-context/principal';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { sha256Hex } from '../../../common/crypto/tokens';
import { SessionsService } from '../sessions/sessions.service';
import { SESSION_COOKIE } from './auth-cookies';

/** Result of reading a request's credentials: none offered, valid, or offered but invalid. */
export type Authentication = { kind: 'none' } | { kind: 'ok'; principal: Principal } | { kind: 'invalid' };

/** Reads `Authorization: Bearer <key>` / `x-api-key` (scripts) or the session cookie (console). */
@Injectable()
export class AuthenticatorService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  /** An API key, when offered, wins over a cookie; an invalid key never falls back to the cookie. */
  async authenticate(req: Request): Promise<Authentication> {
    const key = this.apiKeyOf(req);
    if (key !== undefined) {
      const principal = await this.apiKeys.resolve(key);
      return principal ? { kind: 'ok', principal } : { kind: 'invalid' };
    }
    const token = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token === '') return { kind: 'none' };
    const found = await this.sessions.resolve(token);
    if (!found) return { kind: 'invalid' };
    return {
      kind: 'ok',
      principal: {
        userId: found.user.id,
        username: found.user.username,
        role: found.user.role,
        via: 'session',
        credentialId: sha256Hex(token),
        csrfToken: found.session.csrfToken,
        mustChangePassword: found.user.mustChangePassword,
      },
    };
  }

  private apiKeyOf(req: Request): string | undefined {
    const auth = req.headers.authorization;
    if (typeof auth === 'string' && auth !== '') {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      return m ? m[1] : '';
    }
    const header = req.headers['x-api-key'];
    return typeof header === 'string' ? header : undefined;
  }
}
