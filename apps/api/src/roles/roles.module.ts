import { Global, Module } from '@nestjs/common';
import { ACCOUNT_LEASE_TTL_MS, AccountLeases, DEFAULT_LEASE_TTL_MS } from './account-leases';
import { DEFAULT_ORDER_COMMAND_TIMEOUT_MS, ORDER_COMMAND_TIMEOUT_MS, OrderCommands } from './order-commands/order-commands.service';

/**
 * The process role's services, global: any module asks `AccountLeases` whether it acts for an
 * account, and the REST order routes run their commands through `OrderCommands` (forwarded to
 * the worker in an `api` process). Their timings are given here, the one place of their
 * production values (tests that build the services by hand pass their own).
 */
@Global()
@Module({
  providers: [
    { provide: ACCOUNT_LEASE_TTL_MS, useValue: DEFAULT_LEASE_TTL_MS },
    { provide: ORDER_COMMAND_TIMEOUT_MS, useValue: DEFAULT_ORDER_COMMAND_TIMEOUT_MS },
    AccountLeases,
    OrderCommands,
  ],
  exports: [AccountLeases, OrderCommands],
})
export class RolesModule {}
