import type { DataSource } from 'typeorm';
import { createTestDatabase, TEST_DIALECTS, TestDatabase } from '../../test/db/test-database';
import { POSTGRES_MIGRATIONS } from '../database/migrations/postgres';
import { SQLITE_MIGRATIONS } from '../database/migrations/sqlite';
import { BrokerAccount } from '../modules/accounts/entities/broker-account.entity';
import { UserEntity } from '../modules/core/entities/user.entity';
import { RiskLimit } from '../modules/risk/entities/risk-limit.entity';
import { StrategyConfig } from '../modules/strategies/entities/strategy-config.entity';
import { InitReport, runInit } from './run-init';

const CRORE_PAISE = 1_00_00_000 * 100;
const LAKH_PAISE = 1_00_000 * 100;

async function snapshot(dataSource: DataSource): Promise<unknown> {
  const order = { id: 'ASC' } as const;
  return {
    accounts: await dataSource.getRepository(BrokerAccount).find({ order }),
    riskLimits: await dataSource.getRepository(RiskLimit).find({ order }),
    strategyConfigs: await dataSource.getRepository(StrategyConfig).find({ order }),
    users: await dataSource.getRepository(UserEntity).find({ order }),
  };
}

describe.each(TEST_DIALECTS)('init on %s', (dialect) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let first: InitReport;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    dataSource = await db.open();
    first = await runInit(dataSource, { username: 'operator' });
  });
  afterAll(() => db.dispose());

  it('migrates an empty database and creates both accounts, their limits and strategies, and an admin', () => {
    expect(first.migrationsApplied).toHaveLength(dialect === 'postgres' ? POSTGRES_MIGRATIONS.length : SQLITE_MIGRATIONS.length);
    expect(first.seed).toEqual({ accountsCreated: 2, riskLimitsCreated: 2, strategyConfigsCreated: 2 });
    expect(first.admin).toMatchObject({ created: true, username: 'operator' });
    expect(first.admin.oneTimePassword).toEqual(expect.any(String));
  });

  it('seeds Kotak with ₹6 Cr for the NIFTY strangle and ICICI with ₹1.2 Cr for futures, both paper trading', async () => {
    const accounts = await dataSource.getRepository(BrokerAccount).find({ order: { broker: 'ASC' } });
    expect(accounts.map((a) => [a.broker, a.allocatedCapitalPaise, a.isPaperTrading, a.isActive, a.tradingState])).toEqual([
      ['ICICI', 1.2 * CRORE_PAISE, true, true, 'ACTIVE'],
      ['KOTAK', 6 * CRORE_PAISE, true, true, 'ACTIVE'],
    ]);
    const configs = await dataSource.getRepository(StrategyConfig).find();
    const brokerOf = new Map(accounts.map((a) => [a.id, a.broker]));
    expect(Object.fromEntries(configs.map((c) => [brokerOf.get(c.accountId), c.strategyType]))).toEqual({ KOTAK: 'WEEKLY_NIFTY_STRANGLE', ICICI: 'LLM_VALIDATED_FUTURES' });
  });

  it('seeds the plan §3 limits and the DECISIONS.md strategy parameters', async () => {
    const byBroker = async (broker: 'KOTAK' | 'ICICI') => {
      const account = await dataSource.getRepository(BrokerAccount).findOneByOrFail({ broker });
      return {
        limit: await dataSource.getRepository(RiskLimit).findOneByOrFail({ accountId: account.id }),
        params: (await dataSource.getRepository(StrategyConfig).findOneByOrFail({ accountId: account.id })).parameters,
      };
    };
    const kotak = await byBroker('KOTAK');
    expect(kotak.limit).toMatchObject({ maxMarginUsagePct: 0.4, firstTradeFraction: 0.5, maxConcurrentPositions: 1, perPositionStopPaise: 1 * LAKH_PAISE, dailyLossLimitPaise: 2 * LAKH_PAISE, weeklyProfitTargetPaise: 1.75 * LAKH_PAISE, monthlyProfitTargetPaise: 7 * LAKH_PAISE, maxDrawdownPct: 0.15 });
    expect(kotak.params).toMatchObject({ entryTime: '10:00', entryWindowStart: '09:15', entryWindowEnd: '11:30', eodTime: '15:15', targetPct: 70, stopLossPct: 100, eodMinProfitPct: 50, minDaysToExpiry: 1 });

    const icici = await byBroker('ICICI');
    expect(icici.limit).toMatchObject({ perTradeRiskPaise: 60_000 * 100, dailyLossLimitPaise: 1.5 * LAKH_PAISE, maxLeverage: 5, maxTotalExposurePaise: 6 * CRORE_PAISE, maxPositionExposurePaise: 1.5 * CRORE_PAISE });
    expect(icici.params).toMatchObject({ maxAverageAttempts: 2, minDaysToExpiry: 15, minLlmConfidence: 0.7, requireHumanApproval: true, averagingMarginCaps: [0.2, 0.5, 0.5] });
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot(dataSource);
    const second = await runInit(dataSource, { username: 'operator' });
    expect(second).toEqual({ migrationsApplied: [], seed: { accountsCreated: 0, riskLimitsCreated: 0, strategyConfigsCreated: 0 }, admin: { created: false, username: 'operator' } });
    expect(await snapshot(dataSource)).toEqual(before);
  });

  it('keeps settings a person has edited when run again', async () => {
    const kotak = await dataSource.getRepository(BrokerAccount).findOneByOrFail({ broker: 'KOTAK' });
    await dataSource.getRepository(RiskLimit).update({ accountId: kotak.id }, { dailyLossLimitPaise: 3 * LAKH_PAISE });
    await dataSource.getRepository(BrokerAccount).update({ id: kotak.id }, { accountNumber: 'REAL-CLIENT-CODE' });
    await runInit(dataSource, {});
    expect((await dataSource.getRepository(RiskLimit).findOneByOrFail({ accountId: kotak.id })).dailyLossLimitPaise).toBe(3 * LAKH_PAISE);
    expect(await dataSource.getRepository(BrokerAccount).count()).toBe(2);
  });
});
