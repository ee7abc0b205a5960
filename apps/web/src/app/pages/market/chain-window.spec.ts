import type { OptionChainRowResponse, OptionSideResponse } from '@mcube/contracts';
import { atmStrike, isItm, oiSeries, spotIndex, windowChain } from './chain-window';

function side(oi: number | null, change: number | null = null): OptionSideResponse {
  return { lastPrice: 10, priceSource: 'MODELLED', bid: null, ask: null, volume: null, openInterest: oi, openInterestChange: change, iv: 0.14, delta: 0.5, gamma: 0.001, theta: -5, vega: 10 };
}

const row = (strike: number, call: OptionSideResponse | null = side(100), put: OptionSideResponse | null = side(200)): OptionChainRowResponse => ({ strike, call, put });
/** 22000, 22050, … 23000, listed out of order as a source may. */
const chain = Array.from({ length: 21 }, (_, i) => row(23000 - i * 50));

describe('atmStrike', () => {
  it('picks the strike nearest to spot', () => {
    expect(atmStrike([22400, 22450, 22500], 22460.3)).toBe(22450);
    expect(atmStrike([22400, 22450, 22500], 22480)).toBe(22500);
  });

  it('picks the lower strike when spot is exactly between two', () => {
    expect(atmStrike([22500, 22450], 22475)).toBe(22450);
  });

  it('has none without strikes or without a spot', () => {
    expect(atmStrike([], 22000)).toBeNull();
    expect(atmStrike([22000], null)).toBeNull();
    expect(atmStrike([22000], Number.NaN)).toBeNull();
  });
});

describe('windowChain', () => {
  it('keeps N strikes either side of ATM, sorted by strike', () => {
    const w = windowChain(chain, 22512, 2);
    expect(w.atm).toBe(22500);
    expect(w.rows.map((r) => r.strike)).toEqual([22400, 22450, 22500, 22550, 22600]);
  });

  it('shows fewer strikes at the ends of the chain', () => {
    expect(windowChain(chain, 21000, 3).rows.map((r) => r.strike)).toEqual([22000, 22050, 22100, 22150]);
    expect(windowChain(chain, 23990, 1).rows.map((r) => r.strike)).toEqual([22950, 23000]);
  });

  it('returns the whole chain, sorted, when there is no spot', () => {
    const w = windowChain(chain, null, 2);
    expect(w.atm).toBeNull();
    expect(w.rows).toHaveLength(21);
    expect(w.rows[0].strike).toBe(22000);
  });
});

describe('oiSeries', () => {
  it('lines up call and put OI and OI change by strike, a missing side as 0', () => {
    const s = oiSeries([row(22450, side(1300, 65), null), row(22500, null, side(2600, -130))]);
    expect(s).toEqual({ strikes: ['22450', '22500'], callOi: [1300, 0], putOi: [0, 2600], callOiChange: [65, 0], putOiChange: [0, -130] });
  });
});

describe('windowChain keeps the account strikes', () => {
  it('widens the window to include an own strike far from ATM', () => {
    const w = windowChain(chain, 22_500, 2, [22_050, 22_900]);
    expect(w.rows[0].strike).toBe(22_050);
    expect(w.rows[w.rows.length - 1].strike).toBe(22_900);
    expect(windowChain(chain, 22_500, 2, [99_999]).rows.map((r) => r.strike)).toEqual([22_400, 22_450, 22_500, 22_550, 22_600]);
  });
});

describe('spotIndex and isItm', () => {
  it('places spot between the two strikes around it', () => {
    expect(spotIndex([row(22_400), row(22_450), row(22_500)], 22_462.5)).toBe(1.25);
    expect(spotIndex([row(22_400), row(22_450)], 22_600)).toBeNull();
  });

  it('calls below spot and puts above it are in the money', () => {
    expect(isItm('CE', 22_400, 22_462)).toBe(true);
    expect(isItm('PE', 22_400, 22_462)).toBe(false);
    expect(isItm('PE', 22_500, 22_462)).toBe(true);
    expect(isItm('CE', 22_500, null)).toBe(false);
  });
});
