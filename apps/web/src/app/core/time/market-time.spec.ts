import type { MarketClockResponse } from '@mcube/contracts';
import { EXTRAPOLATE_MAX_WALL_MS, istTimeOf, marketNowMs } from './market-time';

const reading = (over: Partial<MarketClockResponse> = {}): MarketClockResponse => ({
  nowMs: Date.UTC(2026, 11, 1, 5, 0, 0), // 10:30 IST
  istDate: '2026-12-01',
  istTime: '10:30:00',
  session: 'OPEN',
  source: 'sim',
  speed: 10,
  wallMs: Date.UTC(2026, 11, 2, 5, 13, 0),
  ...over,
});

describe('marketNowMs', () => {
  it('runs an accelerated open market at its speed between readings, from the market time, not the wall time', () => {
    const r = reading();
    expect(marketNowMs(r, 1_000, 3_000)).toBe(r.nowMs + 20_000);
    expect(istTimeOf(marketNowMs(r, 1_000, 3_000))).toBe('10:30:20');
  });

  it('stops running a stale reading after a few seconds', () => {
    const r = reading({ speed: 1 });
    expect(marketNowMs(r, 0, 60_000)).toBe(r.nowMs + EXTRAPOLATE_MAX_WALL_MS);
  });

  it('holds an accelerated clock outside the session (it jumps to the next open) and runs a real-time one', () => {
    expect(marketNowMs(reading({ session: 'CLOSED' }), 0, 2_000)).toBe(reading().nowMs);
    expect(marketNowMs(reading({ session: 'CLOSED', speed: 1 }), 0, 2_000)).toBe(reading().nowMs + 2_000);
  });
});
