import { DomainError } from '../errors/domain-error';
import type { OrderPurpose, OrderSide } from '../orders/order-types';
import type { IntentInstrument } from '../risk/order-terms';
import { applyFill } from './apply-fill';
import { legKeyOf } from './leg-key';
import { openPosition } from './open-position';
import type { ApplyFillOutcome, PositionFill, PositionState } from './position.types';

const CE: IntentInstrument = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 25000, optionType: 'CE' };
const PE: IntentInstrument = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24000, optionType: 'PE' };
const FUT: IntentInstrument = { underlying: 'NIFTY', kind: 'FUT', expiry: '2026-08-25' };

type Step = [instrument: IntentInstrument, side: OrderSide, purpose: OrderPurpose, quantity: number, pricePaise: number, chargesPaise?: number];

const fill = ([instrument, side, purpose, quantity, pricePaise, chargesPaise = 0]: Step, i: number): PositionFill => ({ instrument, side, purpose, quantity, pricePaise, chargesPaise, occurredAtMs: 1_000 + i });

function run(steps: readonly Step[], start: PositionState = openPosition({ positionId: 'P1', accountId: 'A', underlying: 'NIFTY', expiry: '2026-08-25', quantity: 130, openedAtMs: 0 })): ApplyFillOutcome {
  const initial: ApplyFillOutcome = { position: start, effect: 'ADD', realizedPaise: 0, unappliedQuantity: 0, onClosedPosition: false };
  return steps.reduce<ApplyFillOutcome>((s, step, i) => applyFill(s.position, fill(step, i)), initial);
}

const legOf = (p: PositionState, i: IntentInstrument) => p.legs.find((l) => l.legKey === legKeyOf(i));

describe('applyFill (the position step of the API fill path, pure)', () => {
  // Each row: fills in order → the leg and position afterwards. Prices are paise per unit.
  const table: { name: string; steps: Step[]; leg: Partial<ReturnType<typeof legOf>> & object; realizedPnlPaise: number; premiumCollectedPaise: number; chargesPaise: number }[] = [
    {
      name: 'opens a short leg with one fill and books its premium',
      steps: [[CE, 'SELL', 'ENTRY', 65, 12_000, 900]],
      leg: { side: 'SELL', quantity: 65, avgPricePaise: 12_000, status: 'OPEN', realizedPnlPaise: 0, exitPricePaise: null },
      realizedPnlPaise: -900,
      premiumCollectedPaise: 780_000,
      chargesPaise: 900,
    },
    {
      name: 'partial entry fills grow the leg and average the price (rounded to the paisa)',
      steps: [
        [CE, 'SELL', 'ENTRY', 65, 12_005, 100],
        [CE, 'SELL', 'ENTRY', 65, 12_000, 100],
        [CE, 'SELL', 'ENTRY', 65, 11_990, 100],
      ],
      // (12005·65 + 12000·65) / 130 = 12002.5 → 12003; (12003·130 + 11990·65) / 195 = 11998.67 → 11999
      leg: { quantity: 195, avgPricePaise: 11_999 },
      realizedPnlPaise: -300,
      premiumCollectedPaise: (12_005 + 12_000 + 11_990) * 65,
      chargesPaise: 300,
    },
    {
      name: 'a partial exit realises on the closed units only and keeps the average',
      steps: [
        [CE, 'SELL', 'ENTRY', 130, 12_000],
        [CE, 'BUY', 'EXIT', 65, 4_000],
      ],
      leg: { quantity: 65, avgPricePaise: 12_000, realizedPnlPaise: (12_000 - 4_000) * 65, exitPricePaise: 4_000, status: 'OPEN' },
      realizedPnlPaise: 520_000,
      premiumCollectedPaise: 1_560_000,
      chargesPaise: 0,
    },
    {
      name: 'a full exit in two fills closes the leg with the weighted exit price',
      steps: [
        [CE, 'SELL', 'ENTRY', 130, 12_000, 1_000],
        [CE, 'BUY', 'EXIT', 65, 4_000, 300],
        [CE, 'BUY', 'EXIT', 65, 5_001, 300],
      ],
      // exit average (4000·65 + 5001·65) / 130 = 4500.5 → 4501; gross (12000−4000)·65 + (12000−5001)·65
      leg: { quantity: 0, status: 'CLOSED', exitPricePaise: 4_501, realizedPnlPaise: 8_000 * 65 + 6_999 * 65 },
      realizedPnlPaise: 8_000 * 65 + 6_999 * 65 - 1_600,
      premiumCollectedPaise: 1_560_000,
      chargesPaise: 1_600,
    },
    {
      name: 'a losing exit of a short leg realises a negative gross',
      steps: [
        [PE, 'SELL', 'ENTRY', 75, 8_000],
        [PE, 'BUY', 'EXIT', 75, 20_000],
      ],
      leg: { quantity: 0, status: 'CLOSED', realizedPnlPaise: -12_000 * 75 },
      realizedPnlPaise: -900_000,
      premiumCollectedPaise: 600_000,
      chargesPaise: 0,
    },
    {
      name: 'a long leg realises exit − average',
      steps: [
        [FUT, 'BUY', 'ENTRY', 50, 2_000_000],
        [FUT, 'BUY', 'AVERAGE', 50, 1_980_000],
        [FUT, 'SELL', 'EXIT', 100, 2_010_000],
      ],
      leg: { side: 'BUY', quantity: 0, avgPricePaise: 1_990_000, realizedPnlPaise: 20_000 * 100, status: 'CLOSED' },
      realizedPnlPaise: 2_000_000,
      // futures sold to open would not count either: premium is an options figure
      premiumCollectedPaise: 0,
      chargesPaise: 0,
    },
    {
      name: 'a fill after cancel (the rest of a canceled entry order) still adds to the leg',
      steps: [
        [CE, 'SELL', 'ENTRY', 65, 12_000, 100],
        // the order was canceled with 65 of 130 filled; the exchange then reports the rest
        [CE, 'SELL', 'ENTRY', 65, 12_000, 100],
      ],
      leg: { quantity: 130, avgPricePaise: 12_000, status: 'OPEN' },
      realizedPnlPaise: -200,
      premiumCollectedPaise: 1_560_000,
      chargesPaise: 200,
    },
    {
      name: 'a fill after cancel of an exit order (its rest reported late) closes the leg',
      steps: [
        [CE, 'SELL', 'ENTRY', 130, 12_000],
        // the exit was canceled with 65 of 130 filled, a re-priced exit was not yet sent, and
        // the exchange then reports the canceled order's rest
        [CE, 'BUY', 'EXIT', 65, 4_000, 200],
        [CE, 'BUY', 'EXIT', 65, 4_200, 200],
      ],
      leg: { quantity: 0, status: 'CLOSED', exitPricePaise: 4_100, realizedPnlPaise: 8_000 * 65 + 7_800 * 65 },
      realizedPnlPaise: 8_000 * 65 + 7_800 * 65 - 400,
      premiumCollectedPaise: 1_560_000,
      chargesPaise: 400,
    },
    {
      name: 'a late exit fill after the leg closed is not applied, but its charges are',
      steps: [
        [CE, 'SELL', 'ENTRY', 65, 12_000],
        [CE, 'BUY', 'EXIT', 65, 3_000],
        [CE, 'BUY', 'EXIT', 65, 3_100, 250],
      ],
      leg: { quantity: 0, status: 'CLOSED', exitPricePaise: 3_000, realizedPnlPaise: 9_000 * 65 },
      realizedPnlPaise: 9_000 * 65 - 250,
      premiumCollectedPaise: 780_000,
      chargesPaise: 250,
    },
    {
      name: 'an ENTRY fill on a flat leg reopens it (a re-entry of the same strike)',
      steps: [
        [CE, 'SELL', 'ENTRY', 65, 12_000],
        [CE, 'BUY', 'EXIT', 65, 3_000],
        [CE, 'SELL', 'ENTRY', 65, 6_000],
      ],
      leg: { quantity: 65, avgPricePaise: 6_000, status: 'OPEN', closedAtMs: null, realizedPnlPaise: 9_000 * 65 },
      realizedPnlPaise: 585_000,
      premiumCollectedPaise: (12_000 + 6_000) * 65,
      chargesPaise: 0,
    },
  ];

  it.each(table)('$name', ({ steps, leg, realizedPnlPaise, premiumCollectedPaise, chargesPaise }) => {
    const { position } = run(steps);
    expect(legOf(position, steps[0][0])).toMatchObject(leg);
    expect(position).toMatchObject({ realizedPnlPaise, premiumCollectedPaise, chargesPaise });
  });

  it('keeps the two legs of a strangle apart', () => {
    const { position } = run([
      [CE, 'SELL', 'ENTRY', 65, 12_000],
      [PE, 'SELL', 'ENTRY', 65, 9_000],
      [PE, 'BUY', 'EXIT', 65, 9_500],
    ]);
    expect(position.legs.map((l) => [l.instrument.optionType, l.quantity, l.status])).toEqual([
      ['CE', 65, 'OPEN'],
      ['PE', 0, 'CLOSED'],
    ]);
    expect(position.realizedPnlPaise).toBe(-500 * 65);
  });

  it('reports an over-close: units beyond the open quantity are not applied', () => {
    const out = run([
      [CE, 'SELL', 'ENTRY', 65, 12_000],
      [CE, 'BUY', 'EXIT', 130, 4_000],
    ]);
    expect(out).toMatchObject({ effect: 'REDUCE', realizedPaise: 8_000 * 65, unappliedQuantity: 65 });
    expect(legOf(out.position, CE)).toMatchObject({ quantity: 0, status: 'CLOSED' });
  });

  it('applies a fill to a CLOSED position and says so (the position stays CLOSED)', () => {
    const closed: PositionState = { ...openPosition({ positionId: 'P', accountId: 'A', underlying: 'NIFTY', expiry: '2026-08-25', quantity: 65, openedAtMs: 0 }), status: 'CLOSED' };
    const out = applyFill(closed, fill([CE, 'SELL', 'ENTRY', 65, 12_000], 0));
    expect(out.onClosedPosition).toBe(true);
    expect(out.position.status).toBe('CLOSED');
    expect(legOf(out.position, CE)?.quantity).toBe(65);
  });

  it('refuses an exit for a leg the position never held', () => {
    const start = openPosition({ positionId: 'P', accountId: 'A', underlying: 'NIFTY', expiry: '2026-08-25', quantity: 65, openedAtMs: 0 });
    expect(() => applyFill(start, fill([CE, 'BUY', 'EXIT', 65, 1_000], 0))).toThrow(DomainError);
  });

  it.each([
    ['a zero quantity', { quantity: 0 }],
    ['a fractional quantity', { quantity: 1.5 }],
    ['a fractional price', { pricePaise: 10.5 }],
    ['negative charges', { chargesPaise: -1 }],
  ])('refuses %s and changes nothing', (_name, bad) => {
    const start = openPosition({ positionId: 'P', accountId: 'A', underlying: 'NIFTY', expiry: '2026-08-25', quantity: 65, openedAtMs: 0 });
    const before = JSON.stringify(start);
    expect(() => applyFill(start, { ...fill([CE, 'SELL', 'ENTRY', 65, 1_000], 0), ...bad })).toThrow(DomainError);
    expect(JSON.stringify(start)).toBe(before);
  });
});
