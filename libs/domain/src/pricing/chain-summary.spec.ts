import { epochMsOfIst } from '../time/ist-date';
import { atmSummary, dailyAtmIvs, ivPercentile } from './chain-summary';

describe('atmSummary', () => {
  const rows = [
    { strike: 26_200, callPrice: 160, putPrice: 95, callIv: 0.13, putIv: 0.14 },
    { strike: 26_250, callPrice: 130, putPrice: 118, callIv: 0.12, putIv: 0.14 },
    { strike: 26_300, callPrice: 104, putPrice: 145, callIv: 0.12, putIv: 0.13 },
  ];

  it('takes the strike nearest spot, the mean of its IVs, the straddle and the 1σ move', () => {
    // σ√T = 0.13 × √(5/365) = 0.015215; × 26,262 = 399.585 points, 1.52% of spot.
    expect(atmSummary({ rows, spot: 26_262, years: 5 / 365 })).toEqual({ atmStrike: 26_250, atmIv: 0.13, straddlePrice: 248, expectedMovePoints: 399.59, expectedMovePct: 1.52 });
  });

  it('has no straddle when a side has no price, and no summary without strikes', () => {
    expect(atmSummary({ rows: [{ ...rows[1], putPrice: null }], spot: 26_250, years: 0.01 })?.straddlePrice).toBeNull();
    expect(atmSummary({ rows: [], spot: 26_250, years: 0.01 })).toBeNull();
  });
});

describe('IV history', () => {
  const at = (date: string, time: string) => epochMsOfIst(date, time);

  it("keeps one ATM IV per day from the day's last snapshot", () => {
    const rows = [
      { snapshotAtMs: at('2026-12-01', '10:00'), strike: 26_200, underlyingPrice: 26_210, iv: 0.2 },
      { snapshotAtMs: at('2026-12-01', '15:25'), strike: 26_200, underlyingPrice: 26_240, iv: 0.13 },
      { snapshotAtMs: at('2026-12-01', '15:25'), strike: 26_250, underlyingPrice: 26_240, iv: 0.12 },
      { snapshotAtMs: at('2026-12-01', '15:25'), strike: 26_250, underlyingPrice: 26_240, iv: 0.14 },
      { snapshotAtMs: at('2026-11-30', '15:25'), strike: 26_000, underlyingPrice: 26_010, iv: 0.11 },
    ];
    expect(dailyAtmIvs(rows)).toEqual([{ date: '2026-11-30', atmIv: 0.11 }, { date: '2026-12-01', atmIv: 0.13 }]);
  });

  it('ranks today among past days as the percent below it', () => {
    expect(ivPercentile(0.13, [0.1, 0.11, 0.12, 0.14, 0.15])).toBe(60);
    expect(ivPercentile(0.09, [0.1, 0.11])).toBe(0);
    expect(ivPercentile(0.13, [])).toBeNull();
  });
});
