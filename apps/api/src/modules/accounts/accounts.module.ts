import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { CoreModule } from '../core/core.module';
import { DataModule } from '../data/data.module';
import { OrdersModule } from '../orders/orders.module';
import { RiskModule } from '../risk/risk.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { CredentialCipher } from './credentials/credential-cipher';
import { CredentialsService } from './credentials/credentials.service';
import { StartupChecksService } from './credentials/startup-checks.service';
import { ApiCredential } from './entities/api-credential.entity';
import { BrokerAccount } from './entities/broker-account.entity';
import { AccountSummaryController } from './summary/account-summary.controller';
import { AccountSummaryService } from './summary/account-summary.service';

/** The accounts domain of mCube: broker accounts, encrypted credentials, the live-trading boot check. */
@Module({
  imports: [TypeOrmModule.forFeature([BrokerAccount, ApiCredential]), CoreModule, OrdersModule, RiskModule, DataModule],
  controllers: [AccountsController, AccountSummaryController],
  providers: [
    AccountsService,
    CredentialsService,
    StartupChecksService,
    AccountSummaryService,
    { provide: CredentialCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new CredentialCipher(config.credentials) },
  ],
  exports: [AccountsService, CredentialsService, AccountSummaryService],
})
export class AccountsModule {}
