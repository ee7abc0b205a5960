import { instrumentKey, parseInstrumentKey } from '@mcube/domain';
import { instrumentTypeOf, tradingSymbolOf } from './instrument-symbol';

describe('tradingSymbolOf (issue 13: one instrument identity)', () => {
  it('stores an option and a future under the canonical instrument key', () => {
    const call = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24_500, optionType: 'CE' } as const;
    const future = { underlying: 'NIFTY', kind: 'FUT', expiry: '2026-08-25' } as const;
    expect(tradingSymbolOf(call)).toBe('NIFTY-2026-08-25-24500-CE');
    expect(tradingSymbolOf(future)).toBe('NIFTY-2026-08-25-FUT');
    expect(tradingSymbolOf({ ...call, instrumentToken: '42' })).toBe(instrumentKey(call));
    expect(parseInstrumentKey(tradingSymbolOf(future))).toEqual(future);
  });

  it("keeps the caller's stored symbol (an exit keeps its leg's)", () => {
    expect(tradingSymbolOf({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24_500, optionType: 'PE', tradingSymbol: 'LEG-SYMBOL' })).toBe('LEG-SYMBOL');
  });

  it('stores CE, PE or FUT as the instrument type', () => {
    expect(instrumentTypeOf({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24_500, optionType: 'PE' })).toBe('PE');
    expect(instrumentTypeOf({ underlying: 'NIFTY', kind: 'FUT', expiry: '2026-08-25' })).toBe('FUT');
  });
});
