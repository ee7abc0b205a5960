import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { CoreModule } from '../core/core.module';
import { accountTradingStatesProvider } from './account-trading-states.port';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { CredentialCipher } from './credentials/credential-cipher';
import { CredentialsService } from './credentials/credentials.service';
import { StartupChecksService } from './credentials/startup-checks.service';
import { ApiCredential } from './entities/api-credential.entity';
import { BrokerAccount } from './entities/broker-account.entity';

/**
 * The accounts domain of mCube: broker accounts, encrypted credentials, the live-trading boot
 * check. A low module: it imports no trading module. The account list's trading states come
 * through the `AccountTradingStates` port, which the risk module provides as `RISK_TRADING_STATES`;
 * the dashboard's account summaries are the analytics module's.
 */
@Module({
  imports: [TypeOrmModule.forFeature([BrokerAccount, ApiCredential]), CoreModule],
  controllers: [AccountsController],
  providers: [
    AccountsService,
    CredentialsService,
    StartupChecksService,
    accountTradingStatesProvider,
    { provide: CredentialCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new CredentialCipher(config.credentials) },
  ],
  exports: [AccountsService, CredentialsService],
})
export class AccountsModule {}
