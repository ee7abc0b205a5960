import type { IntentInstrument } from '../risk/order-terms';
import { applyFill } from './apply-fill';
import { closePositionIfFlat } from './close-if-flat';
import { legKeyOf } from './leg-key';
import { markPosition, positionPnl, unrealizedPnlOf } from './mark-to-market';
import { openPosition } from './open-position';
import type { PositionState } from './position.types';

const CE: IntentInstrument = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 25000, optionType: 'CE' };
const PE: IntentInstrument = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24000, optionType: 'PE' };

function strangle(): PositionState {
  let p = openPosition({ positionId: 'P', accountId: 'A', underlying: 'NIFTY', expiry: '2026-08-25', quantity: 65, openedAtMs: 0 });
  p = applyFill(p, { instrument: CE, side: 'SELL', purpose: 'ENTRY', quantity: 65, pricePaise: 12_000, chargesPaise: 500, occurredAtMs: 1 }).position;
  p = applyFill(p, { instrument: PE, side: 'SELL', purpose: 'ENTRY', quantity: 65, pricePaise: 9_000, chargesPaise: 400, occurredAtMs: 2 }).position;
  return p;
}

describe('mark to market', () => {
  it('values short legs at (average − mark) × quantity', () => {
    const p = markPosition(strangle(), new Map([[legKeyOf(CE), 6_000], [legKeyOf(PE), 10_000]]));
    expect(p.unrealizedPnlPaise).toBe((12_000 - 6_000) * 65 + (9_000 - 10_000) * 65);
    expect(positionPnl(p)).toEqual({ realizedNetPaise: -900, unrealizedPaise: 325_000, openPnlPaise: 324_100 });
  });

  it('keeps the previous mark of a leg without a quote (a missing quote never zeroes a leg)', () => {
    const first = markPosition(strangle(), new Map([[legKeyOf(CE), 6_000], [legKeyOf(PE), 10_000]]));
    const second = markPosition(first, new Map([[legKeyOf(CE), 5_000]]));
    expect(second.legs.map((l) => l.lastPricePaise)).toEqual([5_000, 10_000]);
    expect(second.unrealizedPnlPaise).toBe(7_000 * 65 - 1_000 * 65);
  });

  it('ignores a zero or negative mark and counts an unmarked leg as 0', () => {
    const p = markPosition(strangle(), new Map([[legKeyOf(CE), 0]]));
    expect(p.legs.every((l) => l.lastPricePaise === null)).toBe(true);
    expect(unrealizedPnlOf(p.legs)).toBe(0);
  });

  it('does not mark a closed leg or a closed position', () => {
    let p = strangle();
    p = applyFill(p, { instrument: CE, side: 'BUY', purpose: 'EXIT', quantity: 65, pricePaise: 3_000, chargesPaise: 0, occurredAtMs: 3 }).position;
    const marked = markPosition(p, new Map([[legKeyOf(CE), 7_000], [legKeyOf(PE), 8_000]]));
    expect(marked.legs[0].lastPricePaise).toBeNull();
    expect(marked.unrealizedPnlPaise).toBe(1_000 * 65);
    const closed = { ...marked, status: 'CLOSED' as const };
    expect(markPosition(closed, new Map([[legKeyOf(PE), 1]]))).toBe(closed);
  });
});

describe('closePositionIfFlat', () => {
  it('stays ACTIVE while a leg is open or an order may still trade', () => {
    const p = strangle();
    expect(closePositionIfFlat(p, { hasLiveOrders: false, atMs: 9, reason: 'EXITED' }).closed).toBe(false);
    const empty = openPosition({ positionId: 'P', accountId: 'A', underlying: 'NIFTY', expiry: '2026-08-25', quantity: 65, openedAtMs: 0 });
    expect(closePositionIfFlat(empty, { hasLiveOrders: true, atMs: 9, reason: 'EXITED' }).closed).toBe(false);
  });

  it('closes an entry that never filled as ENTRY_NOT_FILLED', () => {
    const empty = openPosition({ positionId: 'P', accountId: 'A', underlying: 'NIFTY', expiry: '2026-08-25', quantity: 65, openedAtMs: 0 });
    expect(closePositionIfFlat(empty, { hasLiveOrders: false, atMs: 9, reason: 'EXITED' }).position).toMatchObject({ status: 'CLOSED', exitReason: 'ENTRY_NOT_FILLED', closedAtMs: 9 });
  });

  it('closes a flat strangle net of every charge with zero unrealised P&L', () => {
    let p = markPosition(strangle(), new Map([[legKeyOf(CE), 6_000]]));
    p = applyFill(p, { instrument: CE, side: 'BUY', purpose: 'EXIT', quantity: 65, pricePaise: 3_000, chargesPaise: 200, occurredAtMs: 3 }).position;
    p = applyFill(p, { instrument: PE, side: 'BUY', purpose: 'EXIT', quantity: 65, pricePaise: 2_000, chargesPaise: 150, occurredAtMs: 4 }).position;
    const { position, closed } = closePositionIfFlat(p, { hasLiveOrders: false, atMs: 5, reason: 'TARGET_HIT' });
    expect(closed).toBe(true);
    expect(position).toMatchObject({ status: 'CLOSED', exitReason: 'TARGET_HIT', unrealizedPnlPaise: 0, realizedPnlPaise: 9_000 * 65 + 7_000 * 65 - 1_250, chargesPaise: 1_250 });
  });
});
