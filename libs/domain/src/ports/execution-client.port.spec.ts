import { orderInstrumentOf } from './execution-client.port';

describe('orderInstrumentOf', () => {
  it('is the id and the segment: a stored symbol or token riding along never reaches a broker', () => {
    const leg = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24500, optionType: 'CE', tradingSymbol: 'NIFTY2026082524500CE', instrumentToken: '42' } as const;
    expect(orderInstrumentOf(leg, 'NFO-OPT')).toStrictEqual({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24500, optionType: 'CE', segment: 'NFO-OPT' });
    expect(orderInstrumentOf({ underlying: 'RELIANCE', kind: 'FUT', expiry: '2026-08-27' }, 'NFO-FUT')).toStrictEqual({ underlying: 'RELIANCE', kind: 'FUT', expiry: '2026-08-27', segment: 'NFO-FUT' });
  });
});
