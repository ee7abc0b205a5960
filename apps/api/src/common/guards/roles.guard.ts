import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ANY_ROLE_WRITE, REQUIRED_ROLE } from '../decorators/roles.decorator';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { AppException } from '../errors/app-exception';
import { Principal, Role, roleAtLeast } from '../request-context/principal';
import { isWriteMethod } from './http-methods';

/**
 * Global role check after authentication: a route's `@Roles(r)` sets the weakest allowed role;
 * otherwise writes need trader (a viewer changes nothing) unless `@AnyRoleMayWrite()`.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = req.principal;
    if (!principal) throw new AppException('UNAUTHENTICATED', 'Authentication required');
    const declared = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets);
    const anyRoleWrite = this.reflector.get<boolean>(ANY_ROLE_WRITE, ctx.getHandler()) === true;
    const needed: Role = declared ?? (isWriteMethod(req.method) && !anyRoleWrite ? 'trader' : 'viewer');
    if (!roleAtLeast(principal.role, needed)) {
      throw new AppException('FORBIDDEN', `This action needs the ${needed} role or above; you are ${principal.role}`);
    }
    return true;
  }
}
