import type { PositionLegResponse } from '@mcube/contracts';
import { payoffLegsOf } from './payoff-legs';
import { expiryCloseMs, yearsToExpiry } from './years-to-expiry';

describe('yearsToExpiry', () => {
  it('counts to the 15:30 IST close before the longer session, 15:40 from 2026-08-03', () => {
    expect(expiryCloseMs('2026-07-28')).toBe(Date.UTC(2026, 6, 28, 10, 0));
    expect(expiryCloseMs('2026-08-04')).toBe(Date.UTC(2026, 7, 4, 10, 10));
  });

  it('is one day in years the day before, and zero once expired', () => {
    const close = expiryCloseMs('2026-07-28');
    expect(yearsToExpiry(close - 86_400_000, '2026-07-28')).toBeCloseTo(1 / 365, 12);
    expect(yearsToExpiry(close + 1, '2026-07-28')).toBe(0);
  });
});

describe('payoffLegsOf', () => {
  const leg = (over: Partial<PositionLegResponse>): PositionLegResponse => ({
    id: 1, tradingSymbol: 'NIFTY26JUL24000PE', name: 'NIFTY 28 Jul 24000 PE', underlying: 'NIFTY', instrumentType: 'PE', strike: 24_000, optionType: 'PE',
    expiryDate: '2026-07-28', side: 'SELL', quantity: 65, lotSize: 65, avgPricePaise: 10_050, lastPricePaise: 9_000,
    exitPricePaise: null, realizedPnlPaise: 0, status: 'OPEN', exitState: 'NONE', greeks: { iv: 0.145, delta: -0.2, gamma: 0, theta: 0, vega: 0 }, ...over,
  });

  it('keeps open legs only, in rupees per unit, with their IV', () => {
    const legs = payoffLegsOf({ legs: [leg({}), leg({ id: 2, status: 'CLOSED', quantity: 0 }), leg({ id: 3, greeks: null })] });
    expect(legs).toEqual([
      { optionType: 'PE', strike: 24_000, side: 'SELL', quantity: 65, entryPrice: 100.5, iv: 0.145 },
      { optionType: 'PE', strike: 24_000, side: 'SELL', quantity: 65, entryPrice: 100.5, iv: null },
    ]);
  });
});
