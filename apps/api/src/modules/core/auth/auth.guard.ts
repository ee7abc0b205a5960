import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { IS_PUBLIC } from '../../../common/decorators/public.decorator';
import { AppException } from '../../../common/errors/app-exception';
import { Principal } from '../../../common/request-context/principal';
import { currentRequestContext } from '../../../common/request-context/request-context';
import { AuthenticatorService } from './authenticator.service';

/** Global guard: every route needs a valid session or API key unless marked `@Public()`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: AuthenticatorService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
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
