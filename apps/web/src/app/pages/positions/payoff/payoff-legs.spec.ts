import type { PositionLegResponse } from '@mcube/contracts';
import { payoffLegsOf } from './payoff-legs';

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
