import { entryLegsOf, riskCheckedOrderOf } from './risk-checked-order';

const CE = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 23500, optionType: 'CE' } as const;
const PE = { ...CE, strike: 22500, optionType: 'PE' } as const;
const leg = { segment: 'NFO-OPT', instrument: CE, side: 'SELL', quantity: 65, purpose: 'ENTRY' } as const;

describe('riskCheckedOrderOf (the risk checks\' input, built once for the API and the backtest)', () => {
  it("takes the host's limit, reduction, ids, broker and figures, never the caller's", () => {
    const order = riskCheckedOrderOf({
      leg: { command: leg, limitPrice: 101.5, reducesPosition: false },
      accountId: '7',
      positionId: '42',
      broker: 'KOTAK',
      figures: { marginPaise: 300, riskPaise: 20, exposurePaise: 900, spots: { NIFTY: 23000 } },
    });
    expect(order).toMatchObject({ accountId: '7', positionId: '42', broker: 'KOTAK', orderType: 'LIMIT', limitPrice: 101.5, reducesPosition: false, estimatedMarginPaise: 300, estimatedRiskPaise: 20, estimatedExposurePaise: 900, underlyingSpot: 23000 });
    expect(order.entryLegs).toBeUndefined();
  });

  it('gives every leg of a multi-leg entry the whole entry, a single leg none', () => {
    const legs = [leg, { ...leg, instrument: PE }];
    expect(entryLegsOf(legs)).toEqual([
      { instrument: CE, side: 'SELL', quantity: 65 },
      { instrument: PE, side: 'SELL', quantity: 65 },
    ]);
    expect(entryLegsOf([leg])).toBeUndefined();
  });
});
