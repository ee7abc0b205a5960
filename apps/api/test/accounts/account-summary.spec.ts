import type { AccountSummaryResponse, WsMessage } from '@mcube/contracts';
import { epochMsOfIst, FixedClock } from '@mcube/domain';
import type { JobQueue } from '../../src/jobs/job-queue.port';
import { JOB_QUEUE } from '../../src/jobs/job-queue.port';
import { DailyPnl } from '../../src/modules/analytics/entities/daily-pnl.entity';
import { DailyDigestService } from '../../src/modules/analytics/daily-report/daily-digest.service';
import { DailyReportService } from '../../src/modules/analytics/daily-report/daily-report.service';
import { EconomicEvent } from '../../src/modules/data/entities/economic-event.entity';
import { DailyReport } from '../../src/modules/analytics/entities/daily-report.entity';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { MonitorLog } from '../../src/modules/positions/entities/monitor-log.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { CircuitBreaker } from '../../src/modules/risk/entities/circuit-breaker.entity';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { positionFor } from '../db/fixtures';
import { settled } from '../jobs/job-test-kit';
import { login, type SecurityApp, type SessionAuth, startSecurityApp } from '../security/security-app';
import { WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

/** Tuesday 2026-03-10, 10:00 IST: in session. */
const NOW = epochMsOfIst('2026-03-10', '10:00:00');

describe('account summaries (GET /api/accounts/summary, account.summary) and the analytics jobs', () => {
  let s: SecurityApp;
  let viewer: SessionAuth;
  const clock = new FixedClock(NOW);
  const published: WsMessage[] = [];
  const summaries = async () => (await s.http().get('/api/accounts/summary').set('cookie', viewer.cookie).expect(200)).body as AccountSummaryResponse[];
  const byId = (list: AccountSummaryResponse[], id: number) => list.find((a) => a.accountId === id) as AccountSummaryResponse;

  beforeAll(async () => {
    s = await startSecurityApp({ overrides: [{ provide: WALL_CLOCK, useValue: clock }] });
    viewer = await login(s, 'viewer');
    s.app.get(AppEventsBus).subscribe((m) => published.push(m));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows each account with its broker margin, stored limits and an idle state', async () => {
    const list = await summaries();
    expect(list.map((a) => [a.accountId, a.broker])).toEqual([
      [s.accounts.kotakId, 'KOTAK'],
      [s.accounts.iciciId, 'ICICI'],
    ]);
    const kotak = byId(list, s.accounts.kotakId);
    expect(kotak).toEqual({
      accountId: s.accounts.kotakId,
      broker: 'KOTAK',
      name: 'Kotak strangle',
      isPaperTrading: true,
      isActive: true,
      tradingState: 'ACTIVE',
      tradingStateCauses: [],
      killSwitch: { state: 'ACTIVE', setByRole: null, setBy: null },
      allocatedCapitalPaise: 6_00_00_000_00,
      margin: { availablePaise: expect.any(Number), usedPaise: expect.any(Number), asOfMs: expect.any(Number) },
      pnl: { today: { realizedPaise: 0, unrealizedPaise: 0, netPaise: 0 }, week: { realizedPaise: 0, unrealizedPaise: 0, netPaise: 0 }, month: { realizedPaise: 0, unrealizedPaise: 0, netPaise: 0 } },
      limits: { dailyLossLimitPaise: 2_00_000_00, weeklyLossLimitPaise: null, monthlyProfitTargetPaise: 7_00_000_00, weeklyProfitTargetPaise: 1_75_000_00 },
      breaker: { tripped: false, reason: null, trippedAtMs: null },
      activePositionId: null,
      netDelta: null,
      deltaThreshold: 300,
      asOfMs: NOW,
    });
    expect(Number.isSafeInteger(kotak.margin?.availablePaise)).toBe(true);
    expect(kotak.margin?.availablePaise).toBeGreaterThan(0);
  });

  it('sums today, the ISO week and the month from the day rows plus the active position, with its net delta and the strategy threshold', async () => {
    const id = s.accounts.kotakId;
    await s.dataSource.getRepository(DailyPnl).insert([
      { accountId: id, tradeDate: '2026-02-27', netPnlPaise: 7_000_00, equityPaise: 0, peakEquityPaise: 0 },
      { accountId: id, tradeDate: '2026-03-06', netPnlPaise: 10_000_00, equityPaise: 0, peakEquityPaise: 0 },
      { accountId: id, tradeDate: '2026-03-09', netPnlPaise: -5_000_00, equityPaise: 0, peakEquityPaise: 0 },
      { accountId: id, tradeDate: '2026-03-10', netPnlPaise: 2_500_00, equityPaise: 0, peakEquityPaise: 0 },
    ]);
    const position = await s.dataSource.getRepository(Position).save(positionFor(id, { realizedPnlPaise: 400_00, unrealizedPnlPaise: -1_400_00, openedAt: new Date(NOW - 3600_000) }));
    await s.dataSource.getRepository(MonitorLog).insert([
      { positionId: position.id, checkType: 'DELTA', netDelta: 123.5, underlyingPrice: null, unrealizedPnlPaise: null, message: 'older', details: null, occurredAt: new Date(NOW - 120_000) },
      { positionId: position.id, checkType: 'DELTA', netDelta: -42.25, underlyingPrice: null, unrealizedPnlPaise: null, message: 'latest', details: null, occurredAt: new Date(NOW - 60_000) },
      { positionId: position.id, checkType: 'MARK', netDelta: null, underlyingPrice: null, unrealizedPnlPaise: -1_400_00, message: 'mark without greeks', details: null, occurredAt: new Date(NOW - 30_000) },
    ]);
    const config = await s.dataSource.getRepository(StrategyConfig).findOneByOrFail({ id: s.strategyConfigs.strangleId });
    await s.dataSource.getRepository(StrategyConfig).update(config.id, { parameters: { ...config.parameters, deltaThreshold: 250 } });

    const kotak = byId(await summaries(), id);
    expect(kotak.pnl).toEqual({
      today: { realizedPaise: 2_500_00, unrealizedPaise: -1_000_00, netPaise: 1_500_00 },
      week: { realizedPaise: -2_500_00, unrealizedPaise: -1_000_00, netPaise: -3_500_00 },
      month: { realizedPaise: 7_500_00, unrealizedPaise: -1_000_00, netPaise: 6_500_00 },
    });
    expect([kotak.activePositionId, kotak.netDelta, kotak.deltaThreshold]).toEqual([position.id, -42.25, 250]);
  });

  it('shows an open account breaker as tripped and the account as REDUCING because of it', async () => {
    const trippedAt = new Date(NOW - 5 * 60_000);
    await s.dataSource.getRepository(CircuitBreaker).insert({ accountId: s.accounts.iciciId, scope: 'ACCOUNT', reasonCode: 'DAILY_LOSS_LIMIT_BREACHED', reason: 'lost too much', context: null, trippedAt, resetBy: null, resetAt: null, resetNote: null });
    const list = await summaries();
    expect(byId(list, s.accounts.iciciId)).toMatchObject({ tradingState: 'REDUCING', tradingStateCauses: ['BREAKER_TRIPPED'], breaker: { tripped: true, reason: 'lost too much', trippedAtMs: trippedAt.getTime() } });
    expect(byId(list, s.accounts.kotakId)).toMatchObject({ tradingState: 'ACTIVE', breaker: { tripped: false } });
  });

  it('positions.pnl rewrites today\'s rows from the positions themselves and pushes account.summary for every account', async () => {
    published.length = 0;
    const queue = s.app.get<JobQueue>(JOB_QUEUE);
    const { jobId } = await queue.enqueue('positions.pnl', { slot: '2026-03-10T10:00:00' });
    expect(await settled(queue, jobId)).toMatchObject({ state: 'completed' });
    // No position closed today: the hand-written +₹2,500 becomes 0; the open P&L is recorded apart.
    const today = await s.dataSource.getRepository(DailyPnl).findOneByOrFail({ accountId: s.accounts.kotakId, tradeDate: '2026-03-10' });
    expect([today.netPnlPaise, today.unrealizedPnlPaise, today.tradesCount]).toEqual([0, -1_000_00, 0]);
    expect(await s.dataSource.getRepository(DailyPnl).countBy({ accountId: s.accounts.iciciId, tradeDate: '2026-03-10' })).toBe(1);
    const pushed = published.filter((m) => m.event === 'account.summary').map((m) => m.data as AccountSummaryResponse);
    expect(pushed.map((a) => a.accountId)).toEqual([s.accounts.kotakId, s.accounts.iciciId]);
    expect(pushed[0].pnl.today).toEqual({ realizedPaise: 0, unrealizedPaise: -1_000_00, netPaise: -1_000_00 });
    expect(pushed).toEqual(await summaries());
  });

  it('analytics.daily-report stores one report and one INFO alert per account for the day, once', async () => {
    clock.advance(epochMsOfIst('2026-03-10', '16:00:05') - clock.nowMs());
    const queue = s.app.get<JobQueue>(JOB_QUEUE);
    const first = await queue.enqueue('analytics.daily-report', { slot: '2026-03-10T16:00:00' });
    expect(await settled(queue, first.jobId)).toMatchObject({ state: 'completed' });
    const reports = await s.dataSource.getRepository(DailyReport).find({ order: { accountId: 'ASC' } });
    expect(reports.map((r) => [r.accountId, r.tradeDate, r.netPnlPaise, r.weekNetPnlPaise, r.monthNetPnlPaise, r.dailyLossLimitPaise])).toEqual([
      [s.accounts.kotakId, '2026-03-10', -1_000_00, -6_000_00, 4_000_00, 2_00_000_00],
      [s.accounts.iciciId, '2026-03-10', 0, 0, 0, 2_00_000_00],
    ]);
    const reportAlerts = await s.dataSource.getRepository(Alert).find({ where: { category: 'REPORT' }, order: { id: 'ASC' } });
    const alerts = reportAlerts.filter((a) => a.accountId !== null).sort((a, b) => (a.accountId as number) - (b.accountId as number));
    expect(alerts.map((a) => [a.accountId, a.severity, a.dedupKey])).toEqual([
      [s.accounts.kotakId, 'INFO', `daily-report:${s.accounts.kotakId}:2026-03-10`],
      [s.accounts.iciciId, 'INFO', `daily-report:${s.accounts.iciciId}:2026-03-10`],
    ]);
    expect(alerts[0].message).toContain('net -₹1,000.00');
    // Plus one digest of both accounts, the one that leaves the box (Telegram and e-mail).
    expect(reportAlerts.filter((a) => a.accountId === null).map((a) => [a.severity, a.dedupKey])).toEqual([['INFO', 'daily-report:digest:2026-03-10']]);
    expect(published.filter((m) => m.event === 'alert.raised' && m.data.category === 'REPORT')).toHaveLength(3);

    // The same slot again is the same job; a new one-off run of the day changes nothing.
    expect((await queue.enqueue('analytics.daily-report', { slot: '2026-03-10T16:00:00' })).duplicate).toBe(true);
    const rerun = await s.app.get(DailyReportService, { strict: false }).run('2026-03-10');
    expect(rerun.map((r) => [r.changed, r.alert])).toEqual([
      [false, null],
      [false, null],
    ]);
    expect(await s.dataSource.getRepository(Alert).count({ where: { category: 'REPORT' } })).toBe(3);
  });

  it('the digest lists the next trading day\'s stored economic events, in time order, and no other day\'s', async () => {
    const event = (title: string, eventDate: string, eventTime: string | null) => ({ title, importance: 'HIGH' as const, eventDate, eventTime, country: 'IN', category: null, description: null, source: 'user' });
    await s.dataSource.getRepository(EconomicEvent).insert([event('US CPI', '2026-03-11', '18:00'), event('RBI policy', '2026-03-11', '10:00'), event('GDP', '2026-03-12', '17:30')]);
    const digest = await s.app.get(DailyDigestService, { strict: false }).compose('2026-03-10');
    expect(digest.text).toContain('10:00 HIGH RBI policy');
    expect(digest.text).toContain('18:00 HIGH US CPI');
    expect(digest.text.indexOf('RBI policy')).toBeLessThan(digest.text.indexOf('US CPI'));
    expect(digest.text).not.toContain('GDP');
    expect(digest.text).not.toContain('No economic event stored.');
  });
});
