import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { IS_PUBLIC } from '../../../common/decorators/public.decorator';
import { AppException } from '../../../common/errors/app-exception';
import { isCredentialQueryName } from '../../../common/logging/query-redaction';
import { Principal } from '../../../common/request-context/principal';
import { currentRequestContext } from '../../../common/request-context/request-context';
import { AuthenticatorService } from './authenticator.service';

/**
 * Global guard: every route needs a valid session or API key unless marked `@Public()`.
 * Credentials are read from headers and the cookie only; a request carrying a credential-named
 * query parameter (`token`, `api_key`, `session`…) is refused with 400 on every route, public
 * ones included, so no script comes to rely on URLs that end up in logs and browser history.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: AuthenticatorService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const named = Object.keys((ctx.switchToHttp().getRequest<Request>().query ?? {}) as object).filter(isCredentialQueryName);
    if (named.length > 0) {
      throw new AppException('VALIDATION_FAILED', [`credentials are never accepted in the URL (query parameter ${named.slice(0, 3).map((n) => n.slice(0, 40)).join(', ')}): send them in the Authorization or x-api-key header, or the session cookie`]);
    }
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const result = await this.authenticator.authenticate(req);
    if (result.kind !== 'ok') {
      throw new AppException('UNAUTHENTICATED', result.kind === 'none' ? 'Authentication required' : 'Session expired or credentials invalid');
    }
    req.principal = result.principal;
    const context = currentRequestContext();
    if (context) context.principal = result.principal;
    return true;
  }
}
