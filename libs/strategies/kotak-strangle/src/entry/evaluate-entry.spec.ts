import { epochMsOfIst, roughShortOptionMarginPaise, usableMargin } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { strategyHarness } from '../testing/strategy-harness';

const DAY = '2026-03-11';

function harness(extra: { config?: Parameters<typeof strategyHarness>[0]['config']; availablePaise?: number } = {}) {
  return strategyHarness({
    startMs: epochMsOfIst(DAY, '09:15'),
    makeMarket: (clock, calendar) => new MarketSimulator({ seed: 7, startDate: '2026-03-02', tickIntervalMs: 5 * 60_000, calendar }, clock),
    ...extra,
  });
}

describe('evaluateEntry: what would it do now', () => {
  it('answers with every step (filters with values, expiry, strikes with reasons, premium, size) without trading or journalling', async () => {
    const h = harness();
    h.clock.set(epochMsOfIst(DAY, '10:00'));
    const ev = await h.strategy.evaluateEntry();
    expect([ev.decision, ev.reasonCode]).toEqual(['ENTER', 'ALL_CHECKS_PASSED']);
    expect(ev.filters!.filters.map((f) => [f.name, f.passed])).toEqual([
      ['GLOBAL_MARKETS', true],
      ['NIFTY_MOVEMENT', true],
      ['EVENT_CALENDAR', true],
      ['MARKET_REGIME', true],
      ['ONE_POSITION', true],
    ]);
    expect(ev.filters!.filters[3].values['vix']).toBe(ev.market!.vix);
    expect(ev.expiry).toMatchObject({ expiry: '2026-03-17', daysToExpiry: 6 });
    expect(ev.strikes!.steps.map((s) => s.step)).toEqual(['FORMULA', 'SUPPORT_RESISTANCE', 'DIRECTIONAL_BIAS', 'LISTED']);
    expect(ev.premium!.call.limitPrice).toBe(ev.premium!.call.bid);
    expect(ev.premium!.put.limitPrice).toBe(ev.premium!.put.bid);
    expect(h.book.commands).toEqual([]);
    expect(h.journal.records).toEqual([]);
  });

  it('sizes from the 50% rule on min(available, 40% of capital) and the rough margin of one strangle lot', async () => {
    const h = harness({ availablePaise: 1_50_00_000 * 100 });
    h.clock.set(epochMsOfIst(DAY, '10:00'));
    const { sizing, market, expiry } = await h.strategy.evaluateEntry();
    const usable = usableMargin({ availableMarginPaise: 1_50_00_000 * 100, allocatedCapitalPaise: 6 * 1_00_00_000 * 100, maxMarginUsagePct: 0.4, marginInUsePaise: 0 });
    expect(usable).toBe(75_00_000 * 100);
    const perLot = roughShortOptionMarginPaise({ spot: market!.spot, lotSize: 65, lots: 1, shortLegs: 2, isExpiryDay: expiry!.daysToExpiry === 0 });
    expect(sizing).toMatchObject({ lotSize: 65, lotSizeSource: 'INSTRUMENT_MASTER', usableMarginPaise: usable, marginPerLotPaise: perLot, lots: Math.floor(usable / perLot) });
  });

  it('skips with INSUFFICIENT_MARGIN when one lot does not fit', async () => {
    const h = harness({ availablePaise: 1_00_000 * 100 });
    const ev = await h.strategy.evaluateEntry(epochMsOfIst(DAY, '10:00'));
    expect([ev.decision, ev.reasonCode, ev.sizing!.lots]).toEqual(['SKIP', 'INSUFFICIENT_MARGIN', 0]);
  });

  it('skips with PREMIUM_TOO_LOW below the configured minimum premium', async () => {
    const h = harness({ config: { minCombinedPremium: 500 } });
    const ev = await h.strategy.evaluateEntry(epochMsOfIst(DAY, '10:00'));
    expect([ev.decision, ev.reasonCode, ev.sizing]).toEqual(['SKIP', 'PREMIUM_TOO_LOW', null]);
  });

  it('skips with STRIKES_TOO_CLOSE, never a throw, when the formula rounds call and put to one strike', async () => {
    // A distance far under half the rounding step (0.01% a day × 6 days of ~24,800 ≈ 15 points, step 1,000): both round to one strike.
    // Found by the ten-year backtest (NIFTY ≈ 9,400 a day before expiry, 2017-05-24: 47 points, step 100): the evaluation threw and the day went unjournalled.
    const h = harness({ config: { baseDeltaPct: 0.01, roundTo: 1000 } });
    const ev = await h.strategy.evaluateEntry(epochMsOfIst(DAY, '10:00'));
    expect([ev.decision, ev.reasonCode, ev.strikes]).toEqual(['SKIP', 'STRIKES_TOO_CLOSE', null]);
    expect(ev.reason).toMatch(/round to the same strike/);
    await h.tickAt(DAY, '10:00');
    expect(h.journal.records.map((r) => [r.decision, r.reasonCode])).toEqual([['SKIPPED', 'STRIKES_TOO_CLOSE']]);
    expect(h.book.commands).toEqual([]);
  });

  it('skips outside the 09:15–11:30 window and on holidays, before reading the market', async () => {
    const h = harness();
    expect((await h.strategy.evaluateEntry(epochMsOfIst(DAY, '09:14:59'))).reasonCode).toBe('OUTSIDE_ENTRY_WINDOW');
    expect((await h.strategy.evaluateEntry(epochMsOfIst(DAY, '11:30'))).reasonCode).toBe('OUTSIDE_ENTRY_WINDOW');
    const holiday = await h.strategy.evaluateEntry(epochMsOfIst('2026-03-26', '10:00'));
    expect([holiday.reasonCode, holiday.market]).toEqual(['NOT_A_TRADING_DAY', null]);
  });

  it('says MONITOR only while a position is active (the morning check runs first)', async () => {
    const h = harness();
    await h.tickAt(DAY, '10:00');
    expect(h.book.openPositions()).toHaveLength(1);
    const ev = await h.strategy.evaluateEntry(epochMsOfIst(DAY, '10:05'));
    expect([ev.decision, ev.reasonCode, ev.filters]).toEqual(['MONITOR', 'ACTIVE_POSITION_MONITOR_ONLY', null]);
    await h.tickAt('2026-03-12', '10:00');
    expect(h.journal.records.filter((r) => r.decision === 'MONITOR_ONLY')).toHaveLength(1);
    expect(h.book.commands.filter((i) => i.purpose === 'ENTRY')).toHaveLength(2);
  });
});
