import { payoffAxisFloor, readableLevels, sigmaBands } from './sigma-bands';

describe('sigmaBands', () => {
  it('puts ±1σ and ±2σ at spot·e^{±kσ√T}', () => {
    // σ√T = 0.2 × √1 = 0.2: e^0.2 = 1.221403, e^0.4 = 1.491825.
    expect(sigmaBands(100, 0.2, 1)).toEqual({ oneLow: 81.87, oneHigh: 122.14, twoLow: 67.03, twoHigh: 149.18 });
  });

  it('has no bands without a volatility or time', () => {
    expect(sigmaBands(100, null, 1)).toBeNull();
    expect(sigmaBands(100, 0.2, 0)).toBeNull();
  });
});

describe('readable payoff range', () => {
  it('covers strikes, breakevens, spot and the 2σ band', () => {
    const bands = { oneLow: 26_000, oneHigh: 26_500, twoLow: 25_750, twoHigh: 26_760 };
    expect(readableLevels({ strikes: [26_000, 26_500], breakevens: [25_780, 26_720], spot: 26_250, bands })).toEqual([26_000, 26_500, 25_780, 26_720, 26_250, 25_750, 26_760]);
  });

  it('floors the axis at three times the best profit, or at the worst when that is higher', () => {
    expect(payoffAxisFloor([14_300, 0, -200_000])).toBe(-42_900);
    expect(payoffAxisFloor([14_300, -20_000])).toBe(-20_000);
    expect(payoffAxisFloor([-5, -10])).toBeUndefined();
  });
});
