import { expiryPayoffShape } from './expiry-payoff';
import type { MetricsLeg } from './metrics-leg';
import { nextExitRule, type NextExitRuleInput } from './next-exit-rule';
import { positionMetrics, type PositionMetricsInput } from './position-metrics';
import { probabilityOfProfit } from './probability-of-profit';

// A NIFTY short strangle, 65 units a leg, spot 26,250, 5 days to the 08 Dec expiry.
const put: MetricsLeg = { optionType: 'PE', strike: 26000, side: 'SELL', quantity: 65, entryPricePaise: 100_00, lastPricePaise: 40_00, greeks: { iv: 0.14, delta: -0.2, gamma: 0.0004, theta: -3.0, vega: 8.0 } };
const call: MetricsLeg = { optionType: 'CE', strike: 26500, side: 'SELL', quantity: 65, entryPricePaise: 120_00, lastPricePaise: 50_00, greeks: { iv: 0.12, delta: 0.25, gamma: 0.0005, theta: -3.5, vega: 9.0 } };
const strangle: PositionMetricsInput = {
  legs: [put, call],
  spot: 26250,
  realizedPnlPaise: 0,
  unrealizedPnlPaise: 8_450_00,
  marginBlockedPaise: 1_50_000_00,
  expiryDate: '2026-12-08',
  today: '2026-12-03',
  now: '11:00',
  yearsToExpiry: 5 / 365,
  isTradingDay: true,
  nextTradingDay: '2026-12-04',
  exitRules: { targetPct: 70, stopLossPct: 100, perPositionStopPaise: 1_00_000_00, eodTime: '15:15', eodMinProfitPct: 50 },
};

describe('positionMetrics of a short strangle', () => {
  const m = positionMetrics(strangle);

  it('keeps the whole premium at best and has unlimited loss (short call)', () => {
    // (100 + 120) × 65 = ₹14,300.
    expect(m.maxProfitPaise).toBe(14_300_00);
    expect(m.maxProfitUnlimited).toBe(false);
    expect(m.maxLossPaise).toBeNull();
    expect(m.maxLossUnlimited).toBe(true);
    expect(m.breakevens).toEqual([25780, 26720]);
  });

  it('reads premium, cost to close and % captured from entry and last prices', () => {
    expect(m.premiumCollectedPaise).toBe(14_300_00);
    expect(m.costToClosePaise).toBe(5_850_00); // (40 + 50) × 65
    expect(m.capturedPct).toBe(59.09); // 8,450 / 14,300
  });

  it('gives the lognormal probability of settling between the breakevens at the mean IV', () => {
    // σ = (0.14 + 0.12) / 2 = 0.13; Φ-difference computed by hand: 0.76076.
    expect(m.vol).toBe(0.13);
    expect(m.probabilityOfProfit).toBeCloseTo(0.76076, 4);
  });

  it('measures spot to each short strike in points, percent and σ of its own IV', () => {
    expect(m.shortStrikes).toEqual([
      { optionType: 'PE', strike: 26000, points: 250, pct: 0.95, sigmas: 0.58 }, // ln(26250/26000) / (0.14 √(5/365))
      { optionType: 'CE', strike: 26500, points: 250, pct: 0.95, sigmas: 0.67 }, // ln(26500/26250) / (0.12 √(5/365))
    ]);
  });

  it('signs the net greeks for the short side in rupees', () => {
    // Θ: −65 × (−3.0 − 3.5) = +422.5 a day; Vega: −65 × 17 = −1,105 per vol point; Δ: −65 × 0.05 = −3.25 units.
    expect(m.greeks).toEqual({ thetaRupeesPerDay: 422.5, vegaRupeesPerVolPoint: -1105, deltaUnits: -3.25, gammaUnitsPerPoint: -0.0585 });
  });

  it('measures margin, return on margin and days to expiry', () => {
    expect(m.marginBlockedPaise).toBe(1_50_000_00);
    expect(m.returnOnMarginPct).toBe(5.63); // 8,450 / 1,50,000
    expect(m.daysToExpiry).toBe(5);
  });

  it('shows progress to the 70% target and to the stop', () => {
    expect(m.targetProfitPaise).toBe(10_010_00); // 70% of 14,300
    expect(m.targetProgressPct).toBe(84.42); // 8,450 / 10,010
    expect(m.stopLossPaise).toBe(14_300_00); // 100% of premium, below the ₹1 L per-position stop
    expect(m.stopProgressPct).toBe(0);
  });

  it('names today 15:15 EOD check as the next rule, already met at 59% ≥ 50%', () => {
    expect(m.nextExitRule).toEqual({ code: 'EOD_MIN_PROFIT', date: '2026-12-03', time: '15:15', minProfitPct: 50, wouldExitNow: true });
  });

  it('fills the stop bar as the loss grows and caps it at 100', () => {
    const losing = positionMetrics({ ...strangle, legs: [{ ...put, lastPricePaise: 180_00 }, { ...call, lastPricePaise: 110_00 }] });
    // cost (180 + 110) × 65 = 18,850; loss 4,550 of a 14,300 stop.
    expect(losing.stopProgressPct).toBe(31.82);
    expect(losing.targetProgressPct).toBe(0);
    const blown = positionMetrics({ ...strangle, legs: [{ ...put, lastPricePaise: 400_00 }, { ...call, lastPricePaise: 110_00 }] });
    expect(blown.stopProgressPct).toBe(100);
  });

  it('has no captured %, progress or cost to close while a leg is unmarked', () => {
    const unmarked = positionMetrics({ ...strangle, legs: [{ ...put, lastPricePaise: null }, call] });
    expect(unmarked.costToClosePaise).toBeNull();
    expect(unmarked.capturedPct).toBeNull();
    expect(unmarked.targetProgressPct).toBeNull();
  });
});

describe('positionMetrics of closed and one-sided positions', () => {
  it('a closed leg adds its realised P&L to the payoff but no greeks, premium or strike distance', () => {
    const m = positionMetrics({ ...strangle, legs: [{ ...put, quantity: 0 }, call], realizedPnlPaise: 3_900_00 });
    // Open: the call alone (₹120 × 65 = ₹7,800) plus ₹3,900 realised on the put.
    expect(m.maxProfitPaise).toBe(11_700_00);
    expect(m.premiumCollectedPaise).toBe(7_800_00);
    expect(m.shortStrikes.map((s) => s.optionType)).toEqual(['CE']);
    expect(m.greeks).toEqual({ thetaRupeesPerDay: 227.5, vegaRupeesPerVolPoint: -585, deltaUnits: -16.25, gammaUnitsPerPoint: -0.0325 });
  });

  it('a fully closed position has no greeks, probability or next rule', () => {
    const m = positionMetrics({ ...strangle, legs: [{ ...put, quantity: 0 }, { ...call, quantity: 0 }], realizedPnlPaise: 9_000_00 });
    expect(m.greeks).toBeNull();
    expect(m.probabilityOfProfit).toBeNull();
    expect(m.nextExitRule).toBeNull();
    expect(m.maxProfitPaise).toBe(9_000_00);
    expect(m.maxLossPaise).toBe(9_000_00);
  });

  it('a long call has unlimited profit and loses at most its premium', () => {
    const shape = expiryPayoffShape([{ optionType: 'CE', strike: 100, side: 'BUY', quantity: 1, entryPricePaise: 5_00, lastPricePaise: null, greeks: null }], 0);
    expect(shape).toEqual({ maxProfitPaise: null, maxLossPaise: -5_00, breakevens: [105], profitIntervals: [{ low: 105, high: null }] });
  });

  it('a long future counts one delta per unit', () => {
    const m = positionMetrics({ ...strangle, legs: [{ optionType: null, strike: null, side: 'BUY', quantity: 65, entryPricePaise: 26_000_00, lastPricePaise: 26_250_00, greeks: null }], exitRules: null });
    expect(m.greeks?.deltaUnits).toBe(65);
    expect(m.maxProfitUnlimited).toBe(true);
    expect(m.maxLossPaise).toBe(-65 * 26_000_00); // the underlying at zero
    expect(m.nextExitRule).toBeNull();
  });
});

describe('probabilityOfProfit', () => {
  it('of a short 100 put sold at 5 (spot 100, σ 20%, one year) is P(S_T > 95) = Φ(0.15647)', () => {
    const shape = expiryPayoffShape([{ optionType: 'PE', strike: 100, side: 'SELL', quantity: 1, entryPricePaise: 5_00, lastPricePaise: null, greeks: null }], 0);
    expect(shape.maxProfitPaise).toBe(5_00);
    expect(shape.maxLossPaise).toBe(-95_00);
    expect(probabilityOfProfit({ intervals: shape.profitIntervals, spot: 100, vol: 0.2, years: 1 })).toBeCloseTo(0.56217, 4);
  });

  it('is null without a volatility or time left', () => {
    expect(probabilityOfProfit({ intervals: [{ low: 95, high: null }], spot: 100, vol: null, years: 1 })).toBeNull();
    expect(probabilityOfProfit({ intervals: [{ low: 95, high: null }], spot: 100, vol: 0.2, years: 0 })).toBeNull();
  });
});

describe('nextExitRule', () => {
  const base: NextExitRuleInput = { today: '2026-12-03', now: '11:00', isTradingDay: true, nextTradingDay: '2026-12-04', expiryDate: '2026-12-08', eodTime: '15:15', eodMinProfitPct: 50, capturedPct: 40 };

  it("is today's EOD check before 15:15, not met below 50%", () => {
    expect(nextExitRule(base)).toEqual({ code: 'EOD_MIN_PROFIT', date: '2026-12-03', time: '15:15', minProfitPct: 50, wouldExitNow: false });
  });

  it("moves to the next trading day's check at 15:15 and on a holiday", () => {
    expect(nextExitRule({ ...base, now: '15:15' }).date).toBe('2026-12-04');
    expect(nextExitRule({ ...base, isTradingDay: false }).date).toBe('2026-12-04');
  });

  it('is the expiry-day close on the expiry date, and from the day before once 15:15 has passed', () => {
    expect(nextExitRule({ ...base, today: '2026-12-08', nextTradingDay: '2026-12-09' })).toMatchObject({ code: 'EXPIRY_DAY_CLOSE', date: '2026-12-08', minProfitPct: null, wouldExitNow: true });
    expect(nextExitRule({ ...base, today: '2026-12-07', now: '15:20', nextTradingDay: '2026-12-08' }).code).toBe('EXPIRY_DAY_CLOSE');
  });
});
