import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { safeEqual } from '../crypto/tokens';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { AppException } from '../errors/app-exception';
import { Principal } from '../request-context/principal';
import { isWriteMethod } from './http-methods';

/** Header the console sends with the session's CSRF token on every write. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Synchronizer-token CSRF protection: a cookie-authenticated write must carry the session's
 * token in `x-csrf-token`. API-key requests are exempt (no ambient browser credential).
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = req.principal;
    if (!principal || principal.via !== 'session' || !isWriteMethod(req.method)) return true;
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
      throw new AppException('CSRF_TOKEN_INVALID', 'Missing or wrong x-csrf-token header (get it from GET /api/auth/me)');
    }
    return true;
  }
}
