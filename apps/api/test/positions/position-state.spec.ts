import { applyFill, legKeyOf, markPosition, type PositionFill } from '@mcube/domain';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { legColumnsOf, legInstrumentOf, legStateOf, positionStateOf } from '../../src/modules/positions/position-state';

/** Rows as the tables hold them (only what the mapping reads). */
function positionRow(over: Partial<Position> = {}): Position {
  return Object.assign(new Position(), {
    id: 7,
    accountId: 3,
    underlying: 'NIFTY',
    expiryDate: '2026-08-25',
    status: 'ACTIVE',
    quantity: 130,
    premiumCollectedPaise: 1_560_000,
    marginUsedPaise: 10_000_000,
    entryValuePaise: 20_000_000,
    realizedPnlPaise: -1_000,
    unrealizedPnlPaise: 0,
    openedAt: new Date(1_000),
    closedAt: null,
    exitReason: null,
    ...over,
  });
}

function legRow(over: Partial<PositionLeg> = {}): PositionLeg {
  return Object.assign(new PositionLeg(), {
    id: 11,
    positionId: 7,
    tradingSymbol: 'NIFTY-2026-08-25-25000-CE',
    underlying: 'NIFTY',
    instrumentType: 'CE',
    strike: 25_000,
    expiryDate: '2026-08-25',
    side: 'SELL',
    quantity: 130,
    avgPricePaise: 12_000,
    lastPricePaise: null,
    exitPricePaise: null,
    realizedPnlPaise: 0,
    status: 'OPEN',
    openedAt: new Date(1_000),
    closedAt: null,
    ...over,
  });
}

describe('stored positions as the domain accounting sees them (the fill and mark paths)', () => {
  it('names the contract of an option leg and of a futures leg', () => {
    expect(legInstrumentOf(legRow())).toEqual({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 25_000, optionType: 'CE' });
    expect(legInstrumentOf(legRow({ instrumentType: 'FUT', strike: null }))).toEqual({ underlying: 'NIFTY', kind: 'FUT', expiry: '2026-08-25' });
  });

  it('closes part of a stored short leg at the exit price and writes back the columns the table keeps', () => {
    const row = legRow();
    const instrument = legInstrumentOf(row);
    const state = positionStateOf(positionRow(), [legStateOf(row, { filled: { buy: 0, sell: 130 } })]);
    const exit: PositionFill = { instrument, side: 'BUY', purpose: 'EXIT', quantity: 65, pricePaise: 4_000, chargesPaise: 300, occurredAtMs: 5_000 };
    const out = applyFill(state, exit);
    const leg = out.position.legs.find((l) => l.legKey === legKeyOf(instrument));
    expect(leg).toBeDefined();
    expect(legColumnsOf(leg!)).toEqual({ side: 'SELL', quantity: 65, avgPricePaise: 12_000, lastPricePaise: null, exitPricePaise: 4_000, realizedPnlPaise: 8_000 * 65, status: 'OPEN', closedAt: null });
    // The position's realised P&L stays net: the stored −1 000 minus this fill's charges plus its gross.
    expect(out.position.realizedPnlPaise).toBe(-1_000 + 8_000 * 65 - 300);
    const closed = applyFill(out.position, { ...exit, pricePaise: 5_000, occurredAtMs: 6_000 });
    expect(legColumnsOf(closed.position.legs[0])).toMatchObject({ quantity: 0, status: 'CLOSED', exitPricePaise: 4_500, closedAt: new Date(6_000) });
  });

  it('marks a stored position from quotes keyed by row, keeping the previous mark of a leg without one', () => {
    const call = legRow({ id: 1, lastPricePaise: 10_000 });
    const put = legRow({ id: 2, tradingSymbol: 'NIFTY-2026-08-25-24000-PE', instrumentType: 'PE', strike: 24_000, avgPricePaise: 9_000, lastPricePaise: 9_500 });
    const state = positionStateOf(positionRow(), [call, put].map((l) => legStateOf(l, { legKey: `leg#${l.id}` })));
    const marked = markPosition(state, new Map([['leg#1', 11_000]]));
    // short call: (12 000 − 11 000) × 130; short put keeps its 9 500 mark: (9 000 − 9 500) × 130
    expect(marked.unrealizedPnlPaise).toBe(1_000 * 130 - 500 * 130);
  });
});
