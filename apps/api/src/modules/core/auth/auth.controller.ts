import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LoginResponse, MeResponse } from '@mcube/contracts';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../../common/decorators/current-principal.decorator';
import { Public } from '../../../common/decorators/public.decorator';
import { AllowedBeforePasswordChange, AnyRoleMayWrite } from '../../../common/decorators/roles.decorator';
import { Principal } from '../../../common/request-context/principal';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';
import { SessionsService } from '../sessions/sessions.service';
import { userResponseOf } from '../users/user-response-of';
import { UsersService } from '../users/users.service';
import { instantJson } from '../../../common/contracts/instant-json';
import { clearSessionCookies, DEVICE_COOKIE, setDeviceCookie, setSessionCookies } from './auth-cookies';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { MeService } from './me.service';

/** The client address as Express sees it (the proxy's one unless TRUST_PROXY is set behind a proxy). */
function addressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

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
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const deviceToken = (req.cookies as Record<string, unknown> | undefined)?.[DEVICE_COOKIE];
    const { session, user, device } = await this.auth.login({ username: dto.username, password: dto.password, ip: addressOf(req), deviceToken: typeof deviceToken === 'string' ? deviceToken : undefined });
    setSessionCookies(res, this.config, session);
    if (device.token) setDeviceCookie(res, this.config, device.token, device.expiresAt);
    return { user: userResponseOf(user), csrfToken: session.csrfToken, expiresAt: instantJson(session.expiresAt) };
  }

  @AnyRoleMayWrite()
  @AllowedBeforePasswordChange()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (principal.via === 'session') await this.sessions.revoke(principal.credentialId);
    clearSessionCookies(res, this.config);
  }

  @AllowedBeforePasswordChange()
  @Get('me')
  async whoAmI(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    const me = await this.me.describe(principal);
    return { ...me, user: userResponseOf(me.user) };
  }

  /**
   * Own password change (any role: it changes no trading state). Console session only, under
   * the login throttle; ends every session of the user and revokes their API keys.
   */
  @AnyRoleMayWrite()
  @AllowedBeforePasswordChange()
  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() dto: ChangePasswordDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.users.changeOwnPassword(principal, dto, addressOf(req));
    clearSessionCookies(res, this.config);
  }
}
