import { addDays, epochMsOfIst } from '@mcube/domain';
import { DailyPnlService } from '../../src/modules/analytics/daily-pnl/daily-pnl.service';
import { AnalyticsReportService } from '../../src/modules/analytics/report/analytics-report.service';
import { ClosedTradesService } from '../../src/modules/analytics/trades/closed-trades.service';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { AnalyticsRiskFacts } from '../../src/modules/risk/analytics-facts/analytics-risk-facts.service';
import { TradingStateService } from '../../src/modules/risk/context/trading-state.service';
import { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { StrategyPositionLink } from '../../src/modules/strategies/entities/strategy-position-link.entity';
import { sessionTimes } from '../strategies/strangle-month.run';
import { startStrangleHarness, type StrangleHarness } from '../strategies/strangle-harness';

// The analytics report on a month the Kotak strangle really traded inside the API (seed 7, the
// simulated month of issue 6: job schedule → strategy → order gateway → paper broker with
// per-fill charges), checked against the positions, the journal and the daily P&L rows.
describe('analytics on the strategy\'s simulated month', () => {
  let h: StrangleHarness;

  beforeAll(async () => {
    h = await startStrangleHarness({ driver: 'in-process', seed: 7, startDate: '2026-03-02' });
    for (let date = '2026-03-02'; date <= '2026-04-10'; date = addDays(date, 1)) {
      if (!h.calendar.isTradingDay(date)) continue;
      for (const time of sessionTimes('09:15', h.calendar.sessionFor(date)?.close ?? '15:30', 5)) await h.step(epochMsOfIst(date, time));
    }
  }, 240_000);
  afterAll(() => h?.close());

  it('lists every closed position as a trade, with the VIX and days to expiry its ENTER decision journalled', async () => {
    const closed = await h.dataSource.getRepository(Position).find({ where: { status: 'CLOSED' }, order: { id: 'ASC' } });
    const trades = await new ClosedTradesService(h.dataSource).list();
    expect(closed.filter((p) => p.quantity > 0).length).toBeGreaterThanOrEqual(2);
    expect(trades.map((t) => t.positionId)).toEqual(closed.filter((p) => p.quantity > 0).map((p) => p.id));
    const links = await h.dataSource.getRepository(StrategyPositionLink).find();
    const enters = await h.dataSource.getRepository(DecisionJournalEntry).find({ where: { decision: 'ENTER' } });
    for (const t of trades) {
      const link = links.find((l) => l.positionId === t.positionId);
      const enter = enters.find((e) => e.positionId === t.positionId || e.inputs['strategyPositionId'] === link?.strategyPositionId);
      const ev = enter?.inputs['evaluation'] as { market: { vix: number }; expiry: { daysToExpiry: number } };
      expect([t.vixAtEntry, t.daysToExpiryAtEntry]).toEqual([ev.market.vix, ev.expiry.daysToExpiry]);
      expect(t.netPnlPaise).toBe(t.grossPnlPaise - t.chargesPaise);
      expect(t.chargesPaise).toBeGreaterThan(0);
    }
  });

  it('draws the account curve through the equity of the daily P&L rows at each day\'s close', async () => {
    const report = await new AnalyticsReportService(h.dataSource, new ClosedTradesService(h.dataSource), new AnalyticsRiskFacts(h.dataSource, new TradingStateService(h.dataSource, new ReconciliationGate()))).report({ accountId: h.account.id });
    const curve = report.equity.find((c) => c.accountId === String(h.account.id));
    const dailyPnl = new DailyPnlService(h.dataSource);
    expect(report.daily.length).toBeGreaterThanOrEqual(2);
    for (const day of report.daily) {
      const lastOfDay = curve?.points.filter((p) => p.at.startsWith(day.date)).at(-1);
      const { values } = await dailyPnl.recompute(h.account, day.date);
      // The row's equity counts the open position's P&L too; the curve only closed trades.
      expect(lastOfDay?.equityPaise).toBe(values.equityPaise - values.unrealizedPnlPaise);
      expect(day.netPnlPaise).toBe(values.netPnlPaise);
    }
    expect(report.kpis.netPnlPaise).toBe(report.daily.reduce((s, d) => s + d.netPnlPaise, 0));
  });
});
