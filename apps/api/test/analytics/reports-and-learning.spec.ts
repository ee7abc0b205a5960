import { formatPaise } from '@mcube/domain';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { DailyPnlService } from '../../src/modules/analytics/daily-pnl/daily-pnl.service';
import { DailyReportService } from '../../src/modules/analytics/daily-report/daily-report.service';
import { DailyReport } from '../../src/modules/analytics/entities/daily-report.entity';
import { ALL_CLOSED_PATTERN, LearningUpdateService } from '../../src/modules/analytics/learning/learning-update.service';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { AnalyticsRiskFacts } from '../../src/modules/risk/analytics-facts/analytics-risk-facts.service';
import { TradingStateService } from '../../src/modules/risk/context/trading-state.service';
import { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import { StrategyLearning } from '../../src/modules/analytics/entities/strategy-learning.entity';
import { TEST_DIALECTS } from '../db/test-database';
import { startGateway, type GatewayHarness } from '../orders/gateway-harness';
import { closeStrangle, markLegs, openStrangle } from './strangle-trades';

describe.each(TEST_DIALECTS)('the daily report and the learning update (%s)', (dialect) => {
  let g: GatewayHarness;
  let dailyPnl: DailyPnlService;
  let reports: DailyReportService;
  let learning: LearningUpdateService;

  beforeEach(async () => {
    g = await startGateway(dialect);
    dailyPnl = new DailyPnlService(g.dataSource);
    const risk = new AnalyticsRiskFacts(g.dataSource, new TradingStateService(g.dataSource, new ReconciliationGate()));
    reports = new DailyReportService(g.dataSource, g.clock, dailyPnl, risk, new AlertsService(g.dataSource, new AppEventsBus()));
    learning = new LearningUpdateService(g.dataSource);
  });
  afterEach(async () => {
    await g.close();
  });

  /** A winner (+₹23,075 gross) closed and a second strangle left open at −₹13,000. */
  async function tradeADay(): Promise<{ closedNet: number; charges: number }> {
    const win = await openStrangle(g, { ce: 120.5, pe: 95 });
    await closeStrangle(g, win, { ce: 100, pe: 80 });
    const open = await openStrangle(g, { ce: 120, pe: 90 });
    await markLegs(g, open, { ce: 130, pe: 100 });
    await g.dataSource.getRepository(Position).update(open, { unrealizedPnlPaise: -13_000_00 });
    const { values } = await dailyPnl.recompute(g.account, '2026-03-10');
    return { closedNet: values.netPnlPaise, charges: values.chargesPaise };
  }

  it('reports the day in exact paise without stored limits, and raises its INFO alert once', async () => {
    const { closedNet, charges } = await tradeADay();
    g.clock.advance(6 * 3600_000); // 16:00
    const [first] = await reports.run('2026-03-10');
    expect(first.changed).toBe(true);
    expect(first.alert).toMatchObject({ severity: 'INFO', category: 'REPORT', title: 'Daily report 2026-03-10: Test account' });
    const report = await g.dataSource.getRepository(DailyReport).findOneByOrFail({ accountId: g.account.id });
    expect(report).toMatchObject({
      tradeDate: '2026-03-10',
      positionsClosed: 1,
      fillsCount: 6,
      realizedPnlPaise: 23_07_500,
      chargesPaise: charges,
      unrealizedPnlPaise: -13_000_00,
      netPnlPaise: closedNet - 13_000_00,
      weekNetPnlPaise: closedNet - 13_000_00,
      monthNetPnlPaise: closedNet - 13_000_00,
      dailyLossLimitPaise: null,
      weeklyLossLimitPaise: null,
      generatedAt: new Date(g.clock.nowMs()),
    });
    expect(first.alert?.message).toContain(`net ${formatPaise(closedNet - 13_000_00)}`);
    expect(first.alert?.message).toContain('Daily loss limit not set');

    g.clock.advance(60_000);
    const [again] = await reports.run('2026-03-10');
    expect(again).toEqual({ accountId: g.account.id, tradeDate: '2026-03-10', changed: false, alert: null });
    expect(await g.dataSource.getRepository(Alert).count({ where: { category: 'REPORT' } })).toBe(1);
    expect((await g.dataSource.getRepository(DailyReport).findOneByOrFail({ accountId: g.account.id })).generatedAt).toEqual(report.generatedAt);
  });

  it('reports a missed day the next morning from that day\'s stored row, not from today\'s marks', async () => {
    await tradeADay();
    g.clock.advance(24 * 3600_000); // Wednesday 10:00: the open position moved since
    await g.dataSource.getRepository(Position).update({ accountId: g.account.id, status: 'ACTIVE' }, { unrealizedPnlPaise: -50_000_00 });
    await reports.run('2026-03-10');
    const report = await g.dataSource.getRepository(DailyReport).findOneByOrFail({ accountId: g.account.id, tradeDate: '2026-03-10' });
    expect(report.unrealizedPnlPaise).toBe(-13_000_00);
  });

  it('keeps honest statistics of closed positions per strategy, net of charges, and rewrites nothing on a rerun', async () => {
    const a = await openStrangle(g, { ce: 120.5, pe: 95 });
    await closeStrangle(g, a, { ce: 100, pe: 80 }); // +₹23,075 gross
    const b = await openStrangle(g, { ce: 120.5, pe: 95 });
    await closeStrangle(g, b, { ce: 150, pe: 95 }); // −₹19,175 gross
    const c = await openStrangle(g, { ce: 120.5, pe: 95 }); // still open: not counted
    expect(c).toBeGreaterThan(b);

    const [update] = await learning.run();
    const { values } = await dailyPnl.recompute(g.account, '2026-03-10');
    const positions = await g.dataSource.getRepository(Position).find({ where: { status: 'CLOSED' }, order: { id: 'ASC' } });
    const [netA, netB] = [positions[0].realizedPnlPaise, positions[1].realizedPnlPaise];
    expect([netA, netB]).toEqual([23_07_500, -19_17_500]);
    expect(update.stats).toMatchObject({ count: 2, profitable: 1, winRate: 0.5, totalNetPnlPaise: values.netPnlPaise });
    expect(update.stats.avgNetPnlPaise).toBe(Math.round(values.netPnlPaise / 2));
    expect(update.stats.grossProfitPaise).toBeLessThan(netA); // charges come off
    expect(update.stats.profitFactor).toBeCloseTo(update.stats.grossProfitPaise / update.stats.grossLossPaise, 12);
    const row = await g.dataSource.getRepository(StrategyLearning).findOneByOrFail({ strategyType: 'WEEKLY_NIFTY_STRANGLE', patternName: ALL_CLOSED_PATTERN });
    expect(row).toMatchObject({ timesOccurred: 2, timesProfitable: 1, winRate: 0.5 });
    expect(row.avgProfitPct).toBeCloseTo((100 * update.stats.grossProfitPaise) / positions[0].marginUsedPaise, 9);
    expect(row.avgLossPct).toBeCloseTo((-100 * update.stats.grossLossPaise) / positions[1].marginUsedPaise, 9);
    expect(row.insights).toContain('2 closed positions, 1 profitable (50.0%)');

    const [rerun] = await learning.run();
    expect(rerun.changed).toBe(false);
    expect((await g.dataSource.getRepository(StrategyLearning).findOneByOrFail({ id: row.id })).updatedAt).toEqual(row.updatedAt);
  });
});
