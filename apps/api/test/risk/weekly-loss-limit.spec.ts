import { epochMsOfIst } from '@mcube/domain';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import type { DataSource } from 'typeorm';
import { seedTradingAccounts } from '../../src/cli/seed-trading-accounts';
import { WeeklyLossLimitDefaults1796181500000 as PostgresMigration } from '../../src/database/migrations/postgres/1796181500000-WeeklyLossLimitDefaults';
import { WeeklyLossLimitDefaults1796181500000 as SqliteMigration } from '../../src/database/migrations/sqlite/1796181500000-WeeklyLossLimitDefaults';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { DailyPnl } from '../../src/modules/analytics/entities/daily-pnl.entity';
import { CircuitBreakerTripService } from '../../src/modules/risk/breaker/circuit-breaker-trip.service';
import { ManualExitService } from '../../src/modules/positions/manual-exit.service';
import { CircuitBreaker } from '../../src/modules/risk/entities/circuit-breaker.entity';
import { RiskLimit } from '../../src/modules/risk/entities/risk-limit.entity';
import { insertAccount } from '../db/fixtures';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../db/test-database';
import { enterStrangle, GatewayHarness, startGateway } from '../orders/gateway-harness';
import { QuoteBoard } from '../orders/quote-board.fake';
import { simQuotes } from '../orders/sim-contract-quotes';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';

const LAKH = 1_00_000 * 100;

/** A risk-limit row as seeded before DECISIONS §6: weekly loss limit null ("no limit"). */
const legacyRow = (accountId: number, weeklyLossLimitPaise: number | null = null) => ({
  accountId,
  maxMarginUsagePct: 0.4,
  firstTradeFraction: 0.5,
  perPositionStopPaise: LAKH,
  perTradeRiskPaise: null,
  dailyLossLimitPaise: 2 * LAKH,
  weeklyLossLimitPaise,
  weeklyProfitTargetPaise: 1.75 * LAKH,
  monthlyProfitTargetPaise: 7 * LAKH,
  maxDrawdownPct: 0.15,
  maxLeverage: null,
  maxTotalExposurePaise: null,
  maxPositionExposurePaise: null,
});

/** Issue 11 §5, DECISIONS §6: the weekly loss limit is ₹4 L (Kotak) / ₹3 L (ICICI) and trips the breaker like the daily one. */
describe('the weekly loss limit', () => {
  it('is seeded by init: ₹4 L on Kotak, ₹3 L on ICICI (null on main)', async () => {
    const db = await createTestDatabase();
    const ds = await db.openMigrated();
    try {
      await seedTradingAccounts(ds);
      const rows = await ds.getRepository(RiskLimit).find({ order: { id: 'ASC' } });
      const brokerOf = new Map((await ds.getRepository(BrokerAccount).find()).map((a) => [a.id, a.broker]));
      expect(rows.map((r) => [brokerOf.get(r.accountId), r.weeklyLossLimitPaise])).toEqual([
        ['KOTAK', 4 * LAKH],
        ['ICICI', 3 * LAKH],
      ]);
    } finally {
      await ds.destroy();
      await db.dispose();
    }
  });

  describe.each(TEST_DIALECTS)('the data migration on %s', (dialect) => {
    let db: TestDatabase;
    let ds: DataSource;
    afterEach(async () => {
      await ds?.destroy();
      await db?.dispose();
    });

    it('gives null rows their broker default and leaves a limit a person set alone', async () => {
      db = await createTestDatabase(dialect);
      ds = await db.openMigrated();
      const kotak = await insertAccount(ds, { broker: 'KOTAK' });
      const icici = await insertAccount(ds, { broker: 'ICICI' });
      const set = await insertAccount(ds, { broker: 'KOTAK' });
      await ds.getRepository(RiskLimit).insert([legacyRow(kotak.id), legacyRow(icici.id), legacyRow(set.id, 2_50_000_00)]);
      const runner = ds.createQueryRunner();
      try {
        await (dialect === 'sqlite' ? new SqliteMigration() : new PostgresMigration()).up(runner);
      } finally {
        await runner.release();
      }
      const rows = await ds.getRepository(RiskLimit).find({ order: { accountId: 'ASC' } });
      expect(rows.map((r) => [r.accountId, r.weeklyLossLimitPaise])).toEqual([
        [kotak.id, 4 * LAKH],
        [icici.id, 3 * LAKH],
        [set.id, 2_50_000_00],
      ]);
    });
  });

  describe('on the breaker', () => {
    let g: GatewayHarness;
    let breaker: CircuitBreakerTripService;
    /** Thursday of the harness's week: Monday to Wednesday already lost money. */
    const THURSDAY_MS = epochMsOfIst('2026-03-12', '10:00:00');

    beforeEach(async () => {
      g = await startGateway();
      // A row from before DECISIONS §6: the weekly limit is null, which used to mean "never".
      await g.dataSource.getRepository(RiskLimit).insert(legacyRow(g.account.id));
      breaker = new CircuitBreakerTripService(g.dataSource, g.clock, new ManualExitService(g.dataSource, g.orders, simQuotes(new QuoteBoard()), g.clock), new RiskPositionsQuery(g.dataSource), new DailyPnlHistoryQuery(g.dataSource), new AlertsService(g.dataSource, new AppEventsBus()));
      g.clock.set(THURSDAY_MS);
    });
    afterEach(async () => {
      await g.close();
    });

    const lose = (tradeDate: string, netPnlPaise: number) =>
      g.dataSource.getRepository(DailyPnl).save({ accountId: g.account.id, tradeDate, netPnlPaise, realizedPnlPaise: netPnlPaise, equityPaise: 0, peakEquityPaise: 0 });

    it('trips at a week beyond ₹4 L with no day beyond ₹2 L: account deactivated, new entries denied', async () => {
      await lose('2026-03-09', -1.5 * LAKH);
      await lose('2026-03-10', -1.5 * LAKH);
      await lose('2026-03-11', -0.9 * LAKH);
      expect((await breaker.evaluate(g.account.id)).tripped).toBe(false);
      // Thursday: −₹0.2 L more makes −₹4.1 L for the week (no day beyond the ₹2 L daily limit).
      await lose('2026-03-12', -0.2 * LAKH);
      expect(await breaker.evaluate(g.account.id)).toMatchObject({ tripped: true, reasonCode: 'WEEKLY_LOSS_LIMIT_BREACHED' });
      expect(await g.dataSource.getRepository(CircuitBreaker).find()).toEqual([expect.objectContaining({ reasonCode: 'WEEKLY_LOSS_LIMIT_BREACHED', resetAt: null })]);
      expect(await g.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: g.account.id })).toMatchObject({ isActive: false });
    });

    it('denies a new entry once the week is beyond the limit, even before the breaker ran', async () => {
      await lose('2026-03-09', -2 * LAKH);
      await lose('2026-03-10', -2 * LAKH);
      await lose('2026-03-11', -0.5 * LAKH);
      const entry = await enterStrangle(g.orders, g.account.id);
      expect(entry.denial?.codes).toEqual(['WEEKLY_LOSS_LIMIT_BREACHED']);
    });
  });
});
