import { Global, Module } from '@nestjs/common';
import { AccountLeases } from './account-leases';

/** The process role's services, global: any module asks `AccountLeases` whether it acts for an account. */
@Global()
@Module({ providers: [AccountLeases], exports: [AccountLeases] })
export class RolesModule {}
