import { entryConditionOf, strikeDistanceSigma } from './entry-condition';
import { patternSuggestions } from './pattern-suggestions';
import { patternStatistics, type PatternOutcome } from './patterns';

const S = 'WEEKLY_NIFTY_STRANGLE';
const outcome = (id: number, vix: number, dte: number, net: number): PatternOutcome => ({ positionId: String(id), strategy: S, condition: entryConditionOf({ vix, daysToExpiry: dte }), netPnlPaise: net });
// 3 losers at VIX 23 with 1 day left (−10,000 each), 3 winners at VIX 14 with 5 days (+20,000), 1 winner at VIX 16 with 5 days (+5,000).
const OUTCOMES = [outcome(1, 23, 1, -10_000), outcome(2, 23, 1, -10_000), outcome(3, 23, 1, -10_000), outcome(4, 14, 5, 20_000), outcome(5, 14, 5, 20_000), outcome(6, 14, 5, 20_000), outcome(7, 16, 5, 5_000)];

describe('entry conditions', () => {
  it('classes VIX, trend, days to expiry, events and strike distance in σ', () => {
    // σ to expiry = 24,000 · 15/100 · √(4/365) = 3,600 · 0.104685 = 376.87 points; nearer strike 500 away → 1.327σ.
    expect(strikeDistanceSigma({ spot: 24_000, vix: 15, daysToExpiry: 4, callStrike: 24_600, putStrike: 23_500 })).toBeCloseTo(1.3267, 3);
    expect(entryConditionOf({ spot: 24_000, vix: 15, daysToExpiry: 4, callStrike: 24_600, putStrike: 23_500, change3dPct: -1.5, eventsBeforeExpiry: 1 })).toEqual({
      vixBand: 'VIX 15-18', trend: 'DOWN', dteBucket: 'DTE 4-7', eventProximity: 'EVENT', strikeSigma: '1-1.5σ', oiSignal: 'UNKNOWN', sector: 'UNKNOWN',
    });
    expect(entryConditionOf({}).vixBand).toBe('UNKNOWN');
  });
});

describe('pattern statistics and suggestions', () => {
  const { patterns, baselines } = patternStatistics(OUTCOMES);
  const find = (name: string) => patterns.find((p) => p.pattern === name);

  it('counts each class and pair with its sample size, win rate, average and profit factor', () => {
    // Baseline: 7 positions, 4 wins; net −30,000 + 60,000 + 5,000 = 35,000, 5,000 each; PF 65,000 / 30,000.
    expect(baselines[0]).toMatchObject({ count: 7, wins: 4, netPnlPaise: 35_000, avgNetPnlPaise: 5_000 });
    expect(baselines[0].profitFactor).toBeCloseTo(65 / 30, 12);
    expect(find('vixBand=VIX≥22')).toMatchObject({ count: 3, wins: 0, winRateFraction: 0, avgNetPnlPaise: -10_000, profitFactor: 0 });
    expect(find('vixBand=VIX≥22&dteBucket=DTE 0-1')).toMatchObject({ count: 3, avgNetPnlPaise: -10_000 });
    // DTE 4-7: the VIX-14 and VIX-16 winners: 65,000 over 4, no loss.
    expect(find('dteBucket=DTE 4-7')).toMatchObject({ count: 4, wins: 4, netPnlPaise: 65_000, profitFactor: null });
    expect(find('trend=UNKNOWN')).toBeUndefined();
  });

  it('suggests tightening the parameters that avoid a losing pattern, only past the stored minimum of samples', () => {
    const current: Record<string, number> = { maxVix: 30, minDaysToExpiry: 1 };
    const suggest = (minSamples: number) => patternSuggestions({ patterns, baselines, rule: { minSamples, minWinRateGapFraction: 0.25 }, currentOf: (_s, p) => current[p] ?? null });
    // Win rate 0% against 57%: a gap of 57 points ≥ 25.
    expect(suggest(3).map((s) => [s.pattern, s.parameter, s.currentValue, s.suggestedValue])).toEqual([
      ['dteBucket=DTE 0-1', 'minDaysToExpiry', 1, 2],
      ['vixBand=VIX≥22', 'maxVix', 30, 22],
    ]);
    expect(suggest(3)[1].reason).toContain('3 positions in vixBand=VIX≥22 won 0% (strategy 57% over 7)');
    expect(suggest(4)).toEqual([]);
    // Already at least as tight: nothing to suggest.
    current.maxVix = 20;
    expect(suggest(3).map((s) => s.parameter)).toEqual(['minDaysToExpiry']);
  });
});
