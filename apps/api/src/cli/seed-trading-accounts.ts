import type { DataSource } from 'typeorm';
import { inTransaction } from '../database/in-transaction';
import { BrokerAccount } from '../modules/accounts/entities/broker-account.entity';
import { RiskLimit } from '../modules/risk/entities/risk-limit.entity';
import { StrategyConfig } from '../modules/strategies/entities/strategy-config.entity';
import { TRADING_ACCOUNT_SEEDS, TradingAccountSeed } from './trading-account-seeds';

/** What a seeding run created (all zero on a second run). */
export interface SeedReport {
  accountsCreated: number;
  riskLimitsCreated: number;
  strategyConfigsCreated: number;
}

/**
 * Creates what is missing of the seeds, in one transaction, and never changes what exists:
 * a broker that already has an account keeps it, with its edited limits and parameters.
 */
export async function seedTradingAccounts(dataSource: DataSource, seeds: readonly TradingAccountSeed[] = TRADING_ACCOUNT_SEEDS): Promise<SeedReport> {
  return inTransaction(dataSource, async (manager) => {
    const report: SeedReport = { accountsCreated: 0, riskLimitsCreated: 0, strategyConfigsCreated: 0 };
    for (const seed of seeds) {
      let account = await manager.findOne(BrokerAccount, { where: { broker: seed.broker }, order: { id: 'ASC' } });
      if (!account) {
        account = await manager.save(
          manager.create(BrokerAccount, {
            broker: seed.broker,
            accountNumber: seed.accountNumber,
            name: seed.name,
            allocatedCapitalPaise: seed.allocatedCapitalPaise,
            isActive: true,
            isPaperTrading: true,
            tradingState: 'ACTIVE',
          }),
        );
        report.accountsCreated++;
      }
      if (!(await manager.existsBy(RiskLimit, { accountId: account.id }))) {
        await manager.save(manager.create(RiskLimit, { ...seed.riskLimit, accountId: account.id }));
        report.riskLimitsCreated++;
      }
      if (!(await manager.existsBy(StrategyConfig, { accountId: account.id, strategyType: seed.strategyType }))) {
        await manager.save(manager.create(StrategyConfig, { accountId: account.id, strategyType: seed.strategyType, isActive: true, parameters: seed.parameters }));
        report.strategyConfigsCreated++;
      }
    }
    return report;
  });
}
