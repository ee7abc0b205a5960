import { roundToTick } from '@mcube/domain';
import { OPTION_PRICING_DEFAULTS, priceSide, touchAround } from './option-pricer';

describe('the spread model', () => {
  it('puts the touch a half-spread of max(1 tick, 0.5%) out, rounded away on the tick, for any price', () => {
    for (let paise = 5; paise <= 50_000; paise += 5) {
      for (const price of [paise / 100, paise / 100 + 0.013]) {
        const half = Math.max(0.05, price * 0.005);
        expect(touchAround(price, OPTION_PRICING_DEFAULTS)).toEqual({ bid: roundToTick(Math.max(0, price - half), 'DOWN'), ask: roundToTick(price + half, 'UP') });
      }
    }
  });

  it('marks a side REAL only with a traded price, keeping real open interest on a modelled one', () => {
    const real = { date: '2019-03-15', expiry: '2019-03-28', strike: 11500, type: 'CE' as const, price: 70.5, openInterest: 1_000 };
    expect(priceSide({ type: 'CE', modelPrice: 60, vol: 0.15, real, params: OPTION_PRICING_DEFAULTS })).toMatchObject({ source: 'REAL', lastPrice: 70.5, openInterest: 1_000 });
    expect(priceSide({ type: 'CE', modelPrice: 60, vol: 0.15, real: { ...real, price: null }, params: OPTION_PRICING_DEFAULTS })).toMatchObject({ source: 'MODELLED', lastPrice: 60, openInterest: 1_000, impliedVolatility: 0.15 });
  });
});
