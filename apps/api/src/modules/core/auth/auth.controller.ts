import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../common/decorators/current-principal.decorator';
import { Public } from '../../../common/decorators/public.decorator';
import { AnyRoleMayWrite } from '../../../common/decorators/roles.decorator';
import { Principal } from '../../../common/request-context/principal';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';
import { SessionsService } from '../sessions/sessions.service';
import { UsersService } from '../users/users.service';
import { clearSessionCookies, setSessionCookies } from './auth-cookies';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { MeService } from './me.service';

/** Console login/logout and the caller's identity. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly me: MeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sets the httpOnly session cookie and returns the user and CSRF token. */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { session, user } = await this.auth.login({ username: dto.username, password: dto.password, ip: req.ip ?? 'unknown' });
    setSessionCookies(res, this.config, session);
    return { user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  @AnyRoleMayWrite()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (principal.via === 'session') await this.sessions.revoke(principal.credentialId);
    clearSessionCookies(res, this.config);
  }

  @Get('me')
  async whoAmI(@CurrentPrincipal() principal: Principal) {
    return this.me.describe(principal);
  }

  /** Own password change (any role: it changes no trading state); ends every session of the user. */
  @AnyRoleMayWrite()
  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() dto: ChangePasswordDto, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.users.changeOwnPassword(principal, dto);
    clearSessionCookies(res, this.config);
  }
}
