import { epochMsOfIst } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { sessionTimes, strategyHarness } from './testing/strategy-harness';

const LOOSE = { maxGiftNiftyChangePct: 100, maxUsChangePct: 100, maxNifty1dChangePct: 100, maxNifty3dChangePct: 100, eventLookaheadDays: 0, maxVix: 100 };

describe('a strangle held into its expiry day', () => {
  it('holds at the EOD check below the minimum profit with a warning, then closes at 15:15 on expiry day whatever the profit', async () => {
    const h = strategyHarness({
      startMs: epochMsOfIst('2026-03-09', '09:15'),
      makeMarket: (clock, calendar) => new MarketSimulator({ seed: 7, startDate: '2026-03-02', tickIntervalMs: 5 * 60_000, calendar }, clock),
      // Target and EOD minimum out of reach, stops far away: only the expiry-day rule can close it.
      config: { filters: LOOSE, targetPct: 100, eodMinProfitPct: 100, stopLossPct: 100_000, perPositionStopPaise: 1e12 },
    });
    for (const date of ['2026-03-09', '2026-03-10']) for (const time of sessionTimes('10:00', '15:30', 5)) await h.tickAt(date, time);

    const enter = h.journal.records.find((r) => r.decision === 'ENTER')!;
    expect(enter.occurredAt).toBe(epochMsOfIst('2026-03-09', '10:00'));
    const expiry = h.book.commands[0].instrument.expiry;
    expect(expiry).toBe('2026-03-10');

    const eodHold = h.journal.records.find((r) => r.reasonCode === 'EOD_HOLD_BELOW_MIN_PROFIT')!;
    expect(eodHold.occurredAt).toBe(epochMsOfIst('2026-03-09', '15:15'));
    expect(h.alerts.alerts.filter((a) => a.title.includes('EOD minimum')).map((a) => a.severity)).toEqual(['WARNING']);

    const exits = h.journal.records.filter((r) => r.decision === 'EXIT');
    expect(exits.map((r) => [r.reasonCode, r.occurredAt])).toEqual([['EXPIRY_DAY_CLOSE', epochMsOfIst('2026-03-10', '15:15')]]);
    expect(h.book.openPositions()).toEqual([]);
    expect(h.journal.records.at(-1)!.decision).toBe('EXIT_COMPLETE');
  });
});
