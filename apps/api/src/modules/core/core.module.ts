import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CsrfGuard } from '../../common/guards/csrf.guard';
import { PasswordChangeGuard } from '../../common/guards/password-change.guard';
import { RolesGuard } from '../../common/guards/roles.guard';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { AuthenticatorService } from './auth/authenticator.service';
import { KnownDevicesService } from './auth/known-devices.service';
import { LoginThrottleService } from './auth/login-throttle.service';
import { MeService } from './auth/me.service';
import { ApiKeyEntity } from './entities/api-key.entity';
import { AuditLogEntity } from './entities/audit-log.entity';
import { KnownDeviceEntity } from './entities/known-device.entity';
import { LoginThrottleEntity } from './entities/login-throttle.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { DatabaseHealthIndicator } from './health/database-health.indicator';
import { HealthController } from './health/health.controller';
import { RedisHealthIndicator } from './health/redis-health.indicator';
import { CredentialRevocations } from './sessions/credential-revocations';
import { SessionsService } from './sessions/sessions.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/**
 * The core of mCube: users, sessions, API keys, the audit log, health, and the global
 * guards every route inherits (authentication, pending password change, CSRF, roles: in this order).
 */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, ApiKeyEntity, AuditLogEntity, LoginThrottleEntity, KnownDeviceEntity]), TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [AuthController, UsersController, ApiKeysController, AuditController, HealthController],
  providers: [
    AuditService,
    SessionsService,
    ApiKeysService,
    UsersService,
    AuthService,
    AuthenticatorService,
    LoginThrottleService,
    KnownDevicesService,
    CredentialRevocations,
    MeService,
    DatabaseHealthIndicator,
    RedisHealthIndicator,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: PasswordChangeGuard },
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuditService, AuthenticatorService, CredentialRevocations],
})
export class CoreModule {}
