import { epochMsOfIst, FixedClock } from '@mcube/domain';
import type { DecisionResponse, EntryEvaluationResponse, PositionDetailResponse, PositionMarkResponse } from '@mcube/contracts';
import { MonitorLog } from '../../src/modules/positions/entities/monitor-log.entity';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { StrategyJobHandlers } from '../../src/modules/strategies/runtime/strategy-job-handlers';
import { positionFor } from '../db/fixtures';
import { login, SecurityApp, SessionAuth, startSecurityApp } from '../security/security-app';
import { SLEEP, WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

const DAY = '2026-03-11';

describe('the running strangle over REST: evaluation, decisions, position detail', () => {
  let s: SecurityApp;
  let viewer: SessionAuth;
  const clock = new FixedClock(epochMsOfIst(DAY, '10:00'));
  const get = (path: string) => s.http().get(path).set('cookie', viewer.cookie);

  beforeAll(async () => {
    s = await startSecurityApp({ overrides: [{ provide: WALL_CLOCK, useValue: clock }, { provide: SLEEP, useValue: async (ms: number) => clock.advance(ms) }] });
    viewer = await login(s, 'viewer');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers "what would it do now" without trading or journalling', async () => {
    const res = await get(`/api/strategies/kotak-strangle/evaluation?accountId=${s.accounts.kotakId}`).expect(200);
    const body = res.body as EntryEvaluationResponse;
    expect(body).toMatchObject({ accountId: s.accounts.kotakId, evaluatedAtMs: clock.nowMs() });
    expect(['ENTER', 'SKIP']).toContain(body.decision);
    expect(body.filters.map((f) => f.name)).toEqual(['GLOBAL_MARKETS', 'NIFTY_MOVEMENT', 'EVENT_CALENDAR', 'MARKET_REGIME', 'ONE_POSITION']);
    expect((body.evaluation['market'] as { spot: number }).spot).toBeGreaterThan(0);
    expect((await get('/api/decisions').expect(200)).body).toEqual([]);
    expect((await get('/api/orders').expect(200)).body).toEqual([]);
    await get('/api/strategies/kotak-strangle/evaluation?accountId=x').expect(400);
    expect((await get(`/api/strategies/kotak-strangle/evaluation?accountId=${s.accounts.iciciId}`).expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('lists the decisions the 10:00 job journalled, newest first, filtered by account, IST day and kind', async () => {
    await s.app.get(StrategyJobHandlers).evaluateEntry();
    await s.app.get(StrategyJobHandlers).evaluateEntry(); // a redelivery: the day is already evaluated
    const all = (await get(`/api/decisions?accountId=${s.accounts.kotakId}&date=${DAY}`).expect(200)).body as DecisionResponse[];
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ accountId: s.accounts.kotakId, strategyType: 'WEEKLY_NIFTY_STRANGLE', occurredAtMs: clock.nowMs() });
    expect(all[0].inputs['evaluation']).toBeDefined();
    expect((await get(`/api/decisions?date=2026-03-12`).expect(200)).body).toEqual([]);
    expect((await get(`/api/decisions?kind=${all[0].kind}`).expect(200)).body).toHaveLength(1);
    expect((await get(`/api/decisions?kind=HOLD`).expect(200)).body).toHaveLength(all[0].kind === 'HOLD' ? 1 : 0);
    // Every kind but one: the dashboard's pinned decisions without the monitor's heartbeats.
    expect((await get(`/api/decisions?exceptKind=${all[0].kind}`).expect(200)).body).toHaveLength(0);
    expect((await get(`/api/decisions?exceptKind=HOLD`).expect(200)).body).toHaveLength(all[0].kind === 'HOLD' ? 0 : 1);
    await get('/api/decisions?exceptKind=MAYBE').expect(400);
    await get('/api/decisions?date=2026-13-01').expect(400);
    await get('/api/decisions?kind=MAYBE').expect(400);
    await get('/api/decisions?limit=0').expect(400);
  });

  it('shows a position with greeks from its last marks and the spot, and its marks', async () => {
    const ds = s.dataSource;
    const position = await ds.getRepository(Position).save(positionFor(s.accounts.iciciId, { expiryDate: '2026-03-17', unrealizedPnlPaise: 45_500_00, openedAt: new Date(clock.nowMs()) }));
    const leg = (type: 'CE' | 'PE', strike: number, last: number) => ({
      positionId: position.id,
      tradingSymbol: `NIFTY26MAR${strike}${type}`,
      underlying: 'NIFTY',
      instrumentType: type,
      strike,
      expiryDate: '2026-03-17',
      side: 'SELL' as const,
      quantity: 650,
      lotSize: 65,
      avgPricePaise: 120_00,
      lastPricePaise: last,
      openedAt: new Date(clock.nowMs()),
    });
    await ds.getRepository(PositionLeg).save([leg('CE', 23800, 90_00), leg('PE', 23000, 80_00)]);
    await ds.getRepository(MonitorLog).insert({ positionId: position.id, checkType: 'MARK', message: 'm', unrealizedPnlPaise: 45_500_00, underlyingPrice: 23400, netDelta: -12, details: { realizedPnlPaise: 0 }, occurredAt: new Date(clock.nowMs()) });

    const detail = (await get(`/api/positions/${position.id}`).expect(200)).body as PositionDetailResponse;
    expect(detail).toMatchObject({ id: position.id, spot: 23400, status: 'ACTIVE' });
    const [ce, pe] = detail.legs;
    expect(ce.greeks!.delta).toBeGreaterThan(0);
    expect(ce.greeks!.delta).toBeLessThan(0.5);
    expect(pe.greeks!.delta).toBeLessThan(0);
    expect(ce.greeks!.iv).toBeGreaterThan(0);
    expect(detail.netDelta).toBeCloseTo(-650 * ce.greeks!.delta! - 650 * pe.greeks!.delta!, 1);
    expect(detail.legs.map((l) => l.name)).toEqual(['NIFTY 17 Mar 23800 CE', 'NIFTY 17 Mar 23000 PE']);
    const m = detail.metrics;
    // Premium (120 + 120) × 650 = ₹1,56,000; to close (90 + 80) × 650 = ₹1,10,500; kept 29.17%.
    expect(m).toMatchObject({ maxProfitPaise: 1_56_000_00, maxLossUnlimited: true, premiumCollectedPaise: 1_56_000_00, costToClosePaise: 1_10_500_00, capturedPct: 29.17, daysToExpiry: 6, breakevens: [22760, 24040] });
    expect(m.shortStrikes.map((k) => [k.optionType, k.points])).toEqual([['CE', 400], ['PE', 400]]);
    expect(m.greeks!.thetaRupeesPerDay).toBeGreaterThan(0); // short premium earns time decay
    expect(m.greeks!.vegaRupeesPerVolPoint).toBeLessThan(0);
    expect(m.greeks!.deltaUnits).toBeCloseTo(detail.netDelta!, 1);
    expect(m.probabilityOfProfit).toBeGreaterThan(0.5);
    expect(m.targetProfitPaise).toBe(1_09_200_00); // 70% of the premium
    expect(m.returnOnMarginPct).toBeCloseTo((100 * 45_500_00) / (1_20_00_000 * 100), 2);
    expect(m.nextExitRule).toEqual({ code: 'EOD_MIN_PROFIT', date: DAY, time: '15:15', minProfitPct: 50, wouldExitNow: false });
    const marks = (await get(`/api/positions/${position.id}/marks`).expect(200)).body as PositionMarkResponse[];
    expect(marks).toEqual([{ atMs: clock.nowMs(), unrealizedPnlPaise: 45_500_00, realizedPnlPaise: 0, spot: 23400, netDelta: -12 }]);
    expect((await get('/api/positions/999999/marks').expect(404)).body.code).toBe('NOT_FOUND');
  });
});
