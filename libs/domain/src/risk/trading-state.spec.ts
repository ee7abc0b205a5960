import type { OrderPurpose } from '../orders/order-types';
import { isReducingOrder } from '../orders/risk-checked-order';
import { canCancel, tradingStateAllows } from './trading-state';

const purposes: OrderPurpose[] = ['ENTRY', 'EXIT', 'AVERAGE', 'ADJUST'];
const combos = purposes.flatMap((purpose) => [true, false].map((reducesPosition) => ({ purpose, reducesPosition })));

describe('tradingStateAllows', () => {
  it.each(combos)('ACTIVE allows %p', (order) => {
    expect(tradingStateAllows('ACTIVE', order)).toBe(true);
  });

  it.each(combos)('HALTED denies %p', (order) => {
    expect(tradingStateAllows('HALTED', order)).toBe(false);
  });

  it('REDUCING allows only EXIT or ADJUST orders that reduce a position', () => {
    const allowed = combos.filter((o) => tradingStateAllows('REDUCING', o));
    expect(allowed).toEqual([
      { purpose: 'EXIT', reducesPosition: true },
      { purpose: 'ADJUST', reducesPosition: true },
    ]);
  });
});

describe('isReducingOrder', () => {
  it('never counts an ENTRY or AVERAGE as reducing, whatever the flag says', () => {
    expect(isReducingOrder({ purpose: 'ENTRY', reducesPosition: true })).toBe(false);
    expect(isReducingOrder({ purpose: 'AVERAGE', reducesPosition: true })).toBe(false);
  });

  it('treats an EXIT that would not reduce a position as new risk', () => {
    expect(isReducingOrder({ purpose: 'EXIT', reducesPosition: false })).toBe(false);
    expect(isReducingOrder({ purpose: 'EXIT', reducesPosition: true })).toBe(true);
  });
});

describe('canCancel', () => {
  it.each(['ACTIVE', 'REDUCING', 'HALTED'] as const)('allows cancels in %s', (state) => {
    expect(canCancel(state)).toBe(true);
  });
});
