import type { AlertResponse, CalendarStatusResponse, DecisionResponse } from '@mcube/contracts';
import { addDays, createDefaultNseCalendar, epochMsOfIst, FixedClock, type MarketDataPort } from '@mcube/domain';
import { InProcessJobQueue } from '../../src/jobs/in-process-job-queue';
import { JOB_QUEUE } from '../../src/jobs/job-queue.port';
import type { JobName } from '../../src/jobs/job-registry';
import { ScheduleTicker } from '../../src/jobs/schedule-ticker';
import { MARKET_DATA } from '../../src/modules/data/source/market-data.tokens';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { tradingSymbolOf } from '../../src/modules/orders/instrument-symbol';
import { OrderSyncScheduler } from '../../src/modules/orders/paper/order-sync.scheduler';
import { MonitorLog } from '../../src/modules/positions/entities/monitor-log.entity';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { positionFor } from '../db/fixtures';
import { login, type SecurityApp, type SessionAuth, startSecurityApp } from '../security/security-app';
import { SLEEP, WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

/**
 * The API run with the market clock past the calendar's horizon (the shipped table ends
 * 2026-12-31), as `MCUBE_SIM_START=2027-03-01` / `2028-06-05` with command 1 would: it boots,
 * the schedule runs monitoring, P&L, breakers and the exit check, a position is monitored and
 * exited, a new strangle entry is refused with CALENDAR_UNCONFIRMED, and the horizon WARNING is
 * raised. Failed on main: the API did not boot past 2026 (UNKNOWN_DATE).
 */
describe.each(['2027-03-01', '2028-06-05'])('the API with its market on %s, past the calendar horizon', (start) => {
  const clock = new FixedClock(epochMsOfIst(start, '09:15'));
  let s: SecurityApp;
  let trader: SessionAuth;
  let viewer: SessionAuth;
  const at = (time: string) => clock.set(epochMsOfIst(start, time));

  /** One schedule tick now; waits for the jobs and returns their end states by name. */
  async function tick(): Promise<Map<JobName, string>> {
    const queue = s.app.get<InProcessJobQueue>(JOB_QUEUE, { strict: false });
    const enqueued = await s.app.get(ScheduleTicker, { strict: false }).tick();
    await queue.onIdle();
    const states = new Map<JobName, string>();
    for (const { jobId } of enqueued) {
      const job = await queue.getJob(jobId);
      if (job) states.set(job.name as JobName, job.state);
    }
    return states;
  }

  beforeAll(async () => {
    s = await startSecurityApp({
      env: { MCUBE_SIM_START: start, MCUBE_SIM_SEED: '3' },
      overrides: [
        { provide: WALL_CLOCK, useValue: clock },
        { provide: SLEEP, useValue: async (ms: number) => clock.advance(ms) },
      ],
    });
    trader = await login(s, 'trader');
    viewer = await login(s, 'viewer');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('boots on the assumed session and says the day is unconfirmed', async () => {
    const status = (await s.http().get('/api/calendar/status').set('cookie', viewer.cookie).expect(200)).body as CalendarStatusResponse;
    expect(status).toMatchObject({ today: start, horizon: '2026-12-31', todayConfirmed: false, warning: true, nextYear: 2027 });
    expect(status.daysLeft).toBeLessThan(0);
  });

  it('runs the day\'s jobs, refuses the strangle entry with CALENDAR_UNCONFIRMED and raises the WARNING once', async () => {
    at('10:00');
    const states = await tick();
    for (const job of ['positions.monitor', 'positions.pnl', 'risk.circuit-breakers', 'risk.limits', 'risk.calendar-horizon', 'strategy.kotak.evaluate-entry'] as const) {
      expect([job, states.get(job)]).toEqual([job, 'completed']);
    }
    const decisions = (await s.http().get(`/api/decisions?accountId=${s.accounts.kotakId}`).set('cookie', viewer.cookie).expect(200)).body as DecisionResponse[];
    expect(decisions.map((d) => [d.kind, d.reasonCode])).toEqual([['SKIP', 'CALENDAR_UNCONFIRMED']]);
    at('11:00');
    await tick();
    const alerts = ((await s.http().get('/api/alerts').set('cookie', viewer.cookie).expect(200)).body as AlertResponse[]).filter((a) => a.title.includes('calendar'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'WARNING', title: 'NSE holiday calendar ended 2026-12-31: no new entries' });
    expect(alerts[0].message).toContain("enter NSE's 2027 trading holidays");
  });

  it('refuses a new entry order with CALENDAR_UNCONFIRMED at the gateway', async () => {
    at('11:30');
    const expiry = createDefaultNseCalendar().weeklyExpiries('NIFTY', addDays(start, 1), addDays(start, 8))[0];
    // A whole strangle (one entry command): a lone leg would also be ENTRY_SHAPE_INVALID.
    const leg = { segment: 'NFO-OPT', underlying: 'NIFTY', kind: 'OPT', expiry, side: 'SELL', quantity: 65, orderType: 'LIMIT' } as const;
    const res = await s
      .http()
      .post('/api/orders/entry')
      .set('cookie', trader.cookie)
      .set('x-csrf-token', trader.csrfToken)
      .send({ accountId: s.accounts.kotakId, legs: [{ ...leg, strike: 23500, optionType: 'CE', limitPrice: 120.5 }, { ...leg, strike: 22500, optionType: 'PE', limitPrice: 95 }] });
    expect(res.status).toBe(422);
    expect(res.body.denials).toContain('CALENDAR_UNCONFIRMED');
    const orders = await s.dataSource.getRepository(Order).find({ where: { accountId: s.accounts.kotakId, purpose: 'ENTRY' } });
    expect(orders.map((o) => [o.status, o.denialCode])).toEqual([
      ['DENIED', 'CALENDAR_UNCONFIRMED'],
      ['DENIED', 'CALENDAR_UNCONFIRMED'],
    ]);
  });

  /** Inserts an open short strangle (as if entered before the horizon) on `accountId`, 300 points either side of the spot. */
  async function openStrangle(accountId: number, avgPrice: number): Promise<Position> {
    const market = s.app.get<MarketDataPort>(MARKET_DATA, { strict: false });
    const atm = Math.round((await market.quote('NIFTY 50')).lastPrice / 50) * 50;
    const expiry = createDefaultNseCalendar().weeklyExpiries('NIFTY', addDays(start, 1), addDays(start, 8))[0];
    const openedAt = new Date(clock.nowMs());
    const position = await s.dataSource.getRepository(Position).save(positionFor(accountId, { expiryDate: expiry, quantity: 650, openedAt }));
    const leg = (type: 'CE' | 'PE', strike: number) => ({
      positionId: position.id,
      tradingSymbol: tradingSymbolOf({ underlying: 'NIFTY', kind: 'OPT', expiry, strike, optionType: type }),
      underlying: 'NIFTY',
      instrumentType: type,
      strike,
      expiryDate: expiry,
      side: 'SELL' as const,
      quantity: 650,
      lotSize: 65,
      avgPricePaise: avgPrice * 100,
      lastPricePaise: avgPrice * 100,
      openedAt,
    });
    await s.dataSource.getRepository(PositionLeg).save([leg('CE', atm + 300), leg('PE', atm - 300)]);
    return position;
  }

  /** Order sync passes (paper matching, fills) until the position is no longer ACTIVE; its status. */
  async function settle(positionId: number): Promise<string> {
    const status = async () => (await s.dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).status;
    // The sync's fills reach the position through the broker's pushed updates, applied after
    // `tick()` resolves: on a loaded machine (the PostgreSQL pass, load 20) five back-to-back
    // ticks ended before the close was committed. Up to 5 market steps, each given real time.
    for (let i = 0; i < 5 && (await status()) === 'ACTIVE'; i++) {
      clock.advance(2_000);
      await s.app.get(OrderSyncScheduler, { strict: false }).tick();
      const until = Date.now() + 10_000;
      while (Date.now() < until && (await status()) === 'ACTIVE') await new Promise((r) => setTimeout(r, 100));
    }
    return status();
  }

  it('monitors an open strangle and the strategy exits it on its target, on the assumed days', async () => {
    at('12:00');
    // Sold for ₹150 a leg, 300 points out with a day to expiry: worth far less now, past the 70% target.
    const position = await openStrangle(s.accounts.kotakId, 150);
    at('12:05');
    expect((await tick()).get('positions.monitor')).toBe('completed');
    expect(await s.dataSource.getRepository(MonitorLog).count({ where: { positionId: position.id } })).toBeGreaterThan(0);
    const exits = await s.dataSource.getRepository(Order).find({ where: { positionId: position.id, purpose: 'EXIT' } });
    expect(exits.map((o) => [o.side, o.denialCode])).toEqual([
      ['BUY', null],
      ['BUY', null],
    ]);
    expect(await settle(position.id)).toBe('CLOSED');
  });

  it('lets a manual exit out and fills it, on the assumed days', async () => {
    at('13:00');
    const position = await openStrangle(s.accounts.iciciId, 50);
    at('13:05');
    await s.http().post(`/api/positions/${position.id}/exit`).set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send({ reason: 'exit past the horizon' }).expect(200);
    const exits = await s.dataSource.getRepository(Order).find({ where: { positionId: position.id, purpose: 'EXIT' } });
    expect(exits.map((o) => o.denialCode)).toEqual([null, null]);
    expect(await settle(position.id)).toBe('CLOSED');
    at('15:15');
    expect((await tick()).get('strategy.kotak.exit-check')).toBe('completed');
  });
});
