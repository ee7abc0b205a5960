import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { BEFORE_PASSWORD_CHANGE } from '../decorators/roles.decorator';
import { AppException } from '../errors/app-exception';
import { Principal } from '../request-context/principal';

/**
 * Global guard after authentication: a user whose password was set for them (first admin,
 * admin-created users) reaches only the `@AllowedBeforePasswordChange()` routes until they
 * choose their own, whatever credential they present (session or API key).
 */
@Injectable()
export class PasswordChangeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const principal = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>().principal;
    if (!principal?.mustChangePassword) return true;
    if (this.reflector.get<boolean>(BEFORE_PASSWORD_CHANGE, ctx.getHandler()) === true) return true;
    throw new AppException('PASSWORD_CHANGE_REQUIRED', 'Choose a new password first (POST /api/auth/password); until then only that, logout and /api/auth/me answer');
  }
}
