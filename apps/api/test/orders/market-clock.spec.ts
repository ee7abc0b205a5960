import { createDefaultNseCalendar, epochMsOfIst, istDateTimeOf, type Clock } from '@mcube/domain';
import { ClockModule } from '../../src/modules/core/clock/clock.module';
import { OrderEvent } from '../../src/modules/orders/entities/order-event.entity';
import { OrdersService } from '../../src/modules/orders/order-gateway.service';
import { login, SecurityApp, startSecurityApp } from '../security/security-app';
import { restStrangleBody } from './orders-rest-app';
import { MARKET_CLOCK, WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

/** 2026-03-10 20:00 IST: the process clock, after the close. */
const EVENING_MS = epochMsOfIst('2026-03-10', '20:00:00');

/**
 * The trading modules read the market's clock (issue #5): with an accelerated, session-only
 * market (MCUBE_SIM_SPEED > 1) an order placed while the process clock is after hours is
 * stamped in market time and passes the session-hours check. The process clock is pinned by
 * faking `Date` only (the real app's SystemClock reads it); every timer stays real.
 */
describe('orders on the market clock', () => {
  let s: SecurityApp;

  beforeAll(async () => {
    jest.useFakeTimers({
      now: EVENING_MS,
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
    s = await startSecurityApp({ env: { MCUBE_SIM_SPEED: '60' } });
  });
  afterAll(async () => {
    await s?.close();
    jest.useRealTimers();
  });

  it('stamps a REST submit in market time, inside the session, while the process clock is after hours', async () => {
    const calendar = createDefaultNseCalendar();
    // The wall clock is ClockModule's; the trading modules inject `MARKET_CLOCK` by name.
    const processNow = s.app.select(ClockModule).get<Clock>(WALL_CLOCK, { strict: true }).nowMs();
    expect(processNow).toBe(EVENING_MS);
    const process = istDateTimeOf(processNow);
    expect(calendar.isWithinSession(process.date, process.time)).toBe(false);
    const marketNow = s.app.get<Clock>(MARKET_CLOCK, { strict: false }).nowMs();
    const market = istDateTimeOf(marketNow);
    expect(calendar.isWithinSession(market.date, market.time)).toBe(true);

    const trader = await login(s, 'trader');
    const res = await s.http().post('/api/orders/entry').set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send(restStrangleBody(s.accounts.kotakId)).expect(201);
    expect(res.body.denial).toBeUndefined();
    expect(res.body.legs.map((l: { statuses: string[] }) => l.statuses)).toEqual([['ACCEPTED'], ['ACCEPTED']]);
    const [initialized] = await s.dataSource.getRepository(OrderEvent).find({ where: { orderId: res.body.legs[0].orderIds[0] }, order: { sequence: 'ASC' } });
    // Stamped by the market clock (the market does not move while `Date` is pinned).
    expect(initialized.occurredAt.getTime()).toBe(marketNow);
    // The gateway itself got the market clock, not the process one.
    expect((s.app.get(OrdersService, { strict: false }) as unknown as { clock: Clock }).clock).toBe(s.app.get(MARKET_CLOCK, { strict: false }));
  });
});
