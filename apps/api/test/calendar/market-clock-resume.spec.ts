import { epochMsOfIst, FixedClock, istDateTimeOf, type Clock } from '@mcube/domain';
import { MarketClockState } from '../../src/modules/data/entities/market-clock-state.entity';
import { MarketClockStore } from '../../src/modules/data/source/market-clock.store';
import { MARKET_SOURCE } from '../../src/modules/data/source/market-data.tokens';
import type { MarketSource } from '../../src/modules/data/source/market-source.factory';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../db/test-database';
import { type SecurityApp, startSecurityApp } from '../security/security-app';
import { MARKET_CLOCK, WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

const EVENING = epochMsOfIst('2026-12-02', '20:00');
const ist = (ms: number) => istDateTimeOf(ms);

/**
 * Issue 12.7: a restart moved the simulated market from 2026-12-03 back to 2026-12-01 (the paper
 * broker then reported resting orders as unknown and alerts carried the rewound date). The
 * market clock is stored and resumed. Failed on main: every boot started again at the open of
 * the trading day before today.
 */
describe('the simulated market clock across restarts', () => {
  let db: TestDatabase;
  let s: SecurityApp | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await s?.stop();
    await db.dispose();
  });

  /** Boots on the shared database with the process clock at `processMs`; returns the app's market clock. */
  async function boot(processMs: number, env: Record<string, string>): Promise<{ base: FixedClock; market: Clock }> {
    await s?.stop();
    const base = new FixedClock(processMs);
    s = await startSecurityApp({ db, env, overrides: [{ provide: WALL_CLOCK, useValue: base }] });
    return { base, market: s.app.get<Clock>(MARKET_CLOCK, { strict: false }) };
  }

  it('resumes where the market was instead of rewinding, whatever the start date says, and moves on to a later one', async () => {
    const first = await boot(EVENING, { MCUBE_SIM_SPEED: '60', MCUBE_SIM_START: '2026-12-01' });
    expect(ist(first.market.nowMs())).toEqual({ date: '2026-12-01', time: '09:15:00' });
    first.base.advance(10 * 60_000); // ten hours of sessions at 60×: into the next trading day
    const before = first.market.nowMs();
    expect(ist(before).date).toBe('2026-12-02');

    // A restart a minute later (a graceful stop saves the clock).
    const second = await boot(EVENING + 11 * 60_000, { MCUBE_SIM_SPEED: '60', MCUBE_SIM_START: '2026-12-01' });
    expect(second.market.nowMs()).toBeGreaterThanOrEqual(before);
    expect(second.market.nowMs() - before).toBeLessThan(60_000);

    // An earlier start date does not rewind it either.
    const third = await boot(EVENING + 12 * 60_000, { MCUBE_SIM_SPEED: '60', MCUBE_SIM_START: '2026-11-02' });
    expect(third.market.nowMs()).toBeGreaterThanOrEqual(before);
    expect(s?.app.get<MarketSource>(MARKET_SOURCE, { strict: false }).plan?.note).toContain('MCUBE_SIM_START=2026-11-02 is before the stored market clock 2026-12-02');

    // A later one moves the market on.
    const fourth = await boot(EVENING + 13 * 60_000, { MCUBE_SIM_START: '2027-03-01' });
    expect(ist(fourth.market.nowMs())).toEqual({ date: '2027-03-01', time: '09:15:00' });
    fourth.base.advance(30 * 60_000);

    // Real time with no start date: the stored 2027 clock is ahead of the process clock, so it runs on from there.
    const fifth = await boot(EVENING + 14 * 60_000, {});
    expect(ist(fifth.market.nowMs())).toEqual({ date: '2027-03-01', time: '09:45:00' });
    fifth.base.advance(60_000);
    expect(ist(fifth.market.nowMs()).time).toBe('09:46:00');
  });
});

describe.each(TEST_DIALECTS)('the market clock store on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('keeps the latest instant: a save never moves it back', async () => {
    const ds = await db.openMigrated();
    const store = new MarketClockStore(ds);
    expect(await store.load('sim')).toBeNull();
    const t = epochMsOfIst('2026-12-03', '11:00:00');
    await store.save('sim', t, '2026-12-01');
    await store.save('sim', t - 3_600_000, '2026-12-01');
    expect(await store.load('sim')).toBe(t);
    await store.save('sim', t + 1_000, '2026-12-03');
    expect(await store.load('sim')).toBe(t + 1_000);
    expect(await ds.getRepository(MarketClockState).count()).toBe(1);
    await ds.destroy();
  });
});
