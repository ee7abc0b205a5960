import { applyFillToPosition, averageOpenPrice, positionKeyOf, type PositionFill } from './paper-position';
import { CALL, FUT } from './testing/paper-test-kit';
import type { PaperPosition } from './paper-book.types';

const fill = (side: 'BUY' | 'SELL', quantity: number, price: number, chargesPaise = 0): PositionFill => ({ instrument: CALL, product: 'NRML', side, quantity, price, chargesPaise, atMs: 1 });
const run = (fills: PositionFill[]): PaperPosition => fills.reduce<PaperPosition | undefined>((p, f) => applyFillToPosition(p, f), undefined) as PaperPosition;

describe('paper positions', () => {
  it('books a long round trip exactly: (sell − buy) × quantity in paise', () => {
    const p = run([fill('BUY', 65, 100.05), fill('SELL', 65, 112.35)]);
    expect(p.netQuantity).toBe(0);
    expect(p.openValuePaise).toBe(0);
    expect(p.realisedPaise).toBe((11235 - 10005) * 65);
  });

  it('books a short option round trip: premium received − buy-back cost', () => {
    const p = run([fill('SELL', 130, 150.5), fill('BUY', 130, 40.25)]);
    expect(p.realisedPaise).toBe((15050 - 4025) * 130);
    expect(p.netQuantity).toBe(0);
  });

  it('books a losing short as a negative realised P&L', () => {
    expect(run([fill('SELL', 65, 80), fill('BUY', 65, 160)]).realisedPaise).toBe(-8000 * 65);
  });

  it('averages the open price over adds and keeps it through partial closes', () => {
    const added = run([fill('SELL', 65, 100), fill('SELL', 65, 110)]);
    expect(added.netQuantity).toBe(-130);
    expect(averageOpenPrice(added)).toBe(105);
    const half = applyFillToPosition(added, fill('BUY', 65, 90));
    expect(half.netQuantity).toBe(-65);
    expect(half.realisedPaise).toBe((10500 - 9000) * 65);
    expect(averageOpenPrice(half)).toBe(105);
  });

  it('splits an uneven open value so that closing in pieces is exact to the paisa', () => {
    const p = run([fill('BUY', 65, 100.05), fill('BUY', 130, 100.1), fill('SELL', 65, 101), fill('SELL', 65, 101), fill('SELL', 65, 101)]);
    const cost = 10005 * 65 + 10010 * 130;
    expect(p.netQuantity).toBe(0);
    expect(p.realisedPaise).toBe(10100 * 195 - cost);
  });

  it('flips through zero: closes the position and opens the rest the other way at the fill price', () => {
    const p = run([fill('BUY', 65, 100), fill('SELL', 195, 120)]);
    expect(p.realisedPaise).toBe(2000 * 65);
    expect(p.netQuantity).toBe(-130);
    expect(averageOpenPrice(p)).toBe(120);
  });

  it('adds up the charges of every fill', () => {
    expect(run([fill('BUY', 65, 100, 123), fill('SELL', 65, 100, 456)]).chargesPaise).toBe(579);
  });

  it('keys positions by contract and product', () => {
    expect(positionKeyOf(CALL, 'NRML')).not.toBe(positionKeyOf(CALL, 'MIS'));
    expect(positionKeyOf(CALL, 'NRML')).not.toBe(positionKeyOf({ ...CALL, optionType: 'PE' }, 'NRML'));
    expect(positionKeyOf(FUT, 'NRML')).not.toBe(positionKeyOf(CALL, 'NRML'));
  });
});
