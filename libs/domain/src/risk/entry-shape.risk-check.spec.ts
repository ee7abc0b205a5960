import { entryShapeRiskCheck, strangleShapeProblem } from './entry-shape.risk-check';
import type { EntryLegShape } from './order-terms';
import { buildExitOrder, buildIciciOrder, buildIciciRiskContext, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

const CE: EntryLegShape = { instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 23500, optionType: 'CE' }, side: 'SELL', quantity: 650 };
const PE: EntryLegShape = { instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 22500, optionType: 'PE' }, side: 'SELL', quantity: 650 };

describe('entryShapeRiskCheck', () => {
  it('passes a Kotak short strangle sent as one entry', () => {
    expect(entryShapeRiskCheck(buildRiskCheckedOrder({ entryLegs: [CE, PE] }), buildRiskContext()).ok).toBe(true);
  });

  it('denies a naked short call on the Kotak account', () => {
    const r = entryShapeRiskCheck(buildRiskCheckedOrder({ quantity: 13_000, entryLegs: undefined }), buildRiskContext());
    expect(r).toMatchObject({ ok: false, code: 'ENTRY_SHAPE_INVALID', context: { broker: 'KOTAK', legs: 1 } });
    expect(!r.ok && r.message).toContain('SELL 13000 NIFTY 2026-03-17 23500 CE');
  });

  it.each([
    ['two calls', [CE, { ...CE, instrument: { ...CE.instrument, strike: 23600 } }], /CE and the other a PE/],
    ['unequal quantities', [CE, { ...PE, quantity: 715 }], /same quantity/],
    ['two expiries', [CE, { ...PE, instrument: { ...PE.instrument, expiry: '2026-03-24' } }], /one expiry/],
    ['a bought leg', [CE, { ...PE, side: 'BUY' as const }], /sold/],
    ['a future', [CE, { instrument: { underlying: 'NIFTY', kind: 'FUT' as const, expiry: '2026-03-31' }, side: 'SELL' as const, quantity: 650 }], /options/],
    ['three legs', [CE, PE, PE], /2 legs, got 3/],
  ])('denies %s as a Kotak entry', (_label, legs, why) => {
    expect(strangleShapeProblem(legs)).toMatch(why);
    expect(entryShapeRiskCheck(buildRiskCheckedOrder({ entryLegs: legs }), buildRiskContext()).ok).toBe(false);
  });

  it('passes a leg that completes the active position into a strangle, not one that grows it past two legs', () => {
    const ctx = buildRiskContext({ activePositionExists: true, activePositionId: '7', activePositionLegs: [CE] });
    const put = buildRiskCheckedOrder({ positionId: '7', instrument: PE.instrument, quantity: 650, entryLegs: undefined });
    expect(entryShapeRiskCheck(put, ctx).ok).toBe(true);
    expect(entryShapeRiskCheck(put, buildRiskContext({ activePositionExists: true, activePositionId: '7', activePositionLegs: [CE, PE] })).ok).toBe(false);
    // The same leg without the position id is a naked leg of its own.
    expect(entryShapeRiskCheck(buildRiskCheckedOrder({ instrument: PE.instrument, entryLegs: undefined }), ctx).ok).toBe(false);
  });

  it('passes one ICICI futures contract and denies an option entry there', () => {
    expect(entryShapeRiskCheck(buildIciciOrder(), buildIciciRiskContext()).ok).toBe(true);
    expect(entryShapeRiskCheck(buildIciciOrder({ instrument: CE.instrument }), buildIciciRiskContext())).toMatchObject({ ok: false, code: 'ENTRY_SHAPE_INVALID', context: { broker: 'ICICI' } });
  });

  it('leaves exits, adjustments and averaging alone', () => {
    expect(entryShapeRiskCheck(buildExitOrder(), buildRiskContext()).ok).toBe(true);
    expect(entryShapeRiskCheck(buildRiskCheckedOrder({ purpose: 'AVERAGE' }), buildRiskContext()).ok).toBe(true);
  });
});
