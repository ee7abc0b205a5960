import { DomainError } from '../errors/domain-error';
import { deltaAdjustmentAdvice } from './delta-advice';
import { DeltaLeg, netDelta } from './net-delta';

// 10 lots × 65 = 650 units short on each side.
const shortCall = (delta: number, strike = 24_500): DeltaLeg => ({ type: 'CE', strike, quantity: -650, delta });
const shortPut = (delta: number, strike = 23_500): DeltaLeg => ({ type: 'PE', strike, quantity: -650, delta });

describe('netDelta', () => {
  it('counts a short call as negative delta and a short put as positive delta', () => {
    expect(netDelta([shortCall(0.3)])).toBe(-195);
    expect(netDelta([shortPut(-0.3)])).toBe(195);
  });

  it('is zero for a balanced strangle and sums the legs otherwise', () => {
    expect(netDelta([shortCall(0.2), shortPut(-0.2)])).toBe(0);
    // −650 × 0.7 + (−650 × −0.1) = −455 + 65 = −390.
    expect(netDelta([shortCall(0.7), shortPut(-0.1)])).toBe(-390);
  });

  it('needs only quantity and delta per leg', () => {
    expect(netDelta([{ quantity: -65, delta: 0.3 }, { quantity: -65, delta: -0.5 }])).toBe(13);
    expect(() => netDelta([{ quantity: -65, delta: 1.5 }])).toThrow(DomainError);
  });

  it('counts long legs with a positive quantity', () => {
    expect(netDelta([{ type: 'CE', strike: 24_000, quantity: 65, delta: 0.5 }])).toBe(32.5);
  });

  it('rejects a put with positive delta, a call delta above 1 and fractional quantities', () => {
    expect(() => netDelta([shortPut(0.3)])).toThrow(DomainError);
    expect(() => netDelta([shortCall(1.2)])).toThrow(DomainError);
    expect(() => netDelta([{ type: 'CE', strike: 24_000, quantity: 1.5, delta: 0.5 }])).toThrow(DomainError);
  });
});

describe('deltaAdjustmentAdvice', () => {
  it('does not alert at exactly the threshold', () => {
    const r = deltaAdjustmentAdvice({ netDelta: -300, legs: [shortCall(0.5), shortPut(-0.04)], spot: 24_300 });
    expect(r).toMatchObject({ alert: false, severity: 'OK' });
    expect(r.suggestion).toBeUndefined();
  });

  it('alerts above the threshold and names the threatened call when the market rose', () => {
    const legs = [shortCall(0.7), shortPut(-0.1)];
    const r = deltaAdjustmentAdvice({ netDelta: netDelta(legs), legs, spot: 24_450 });
    expect(r).toMatchObject({ alert: true, severity: 'WARNING' });
    expect(r.recommendation).toContain('roll the short 24500 CE further out');
  });

  it('suggests the listed call strike that brings net delta closest to zero', () => {
    const legs = [shortCall(0.7), shortPut(-0.1)]; // net −390
    const chain = [
      { strike: 24_400, type: 'CE' as const, delta: 0.8 }, // closer to spot: never suggested
      { strike: 24_600, type: 'CE' as const, delta: 0.5 }, // −325 + 65 = −260
      { strike: 24_700, type: 'CE' as const, delta: 0.15 }, // −97.5 + 65 = −32.5
      { strike: 24_800, type: 'CE' as const, delta: 0.05 }, // −32.5 + 65 = 32.5 (tie → farther out)
      { strike: 23_600, type: 'PE' as const, delta: -0.3 }, // the untested put is never rolled in
    ];
    const r = deltaAdjustmentAdvice({ netDelta: netDelta(legs), legs, chain, spot: 24_450 });
    expect(r.suggestion).toEqual({ leg: 'CE', fromStrike: 24_500, toStrike: 24_800, expectedNetDelta: 32.5 });
    expect(r.recommendation).toContain('to 24800 CE');
  });

  it('rolls the put further down when the market fell, and flags CRITICAL beyond twice the threshold', () => {
    const legs = [shortCall(0.02), shortPut(-1)]; // −13 + 650 = 637
    const chain = [
      { strike: 23_400, type: 'PE' as const, delta: -0.5 }, // 637 − 650 + 325 = 312
      { strike: 23_200, type: 'PE' as const, delta: -0.2 }, // 637 − 650 + 130 = 117
      { strike: 23_000, type: 'PE' as const, delta: -0.05 }, // 637 − 650 + 32.5 = 19.5
    ];
    const r = deltaAdjustmentAdvice({ netDelta: netDelta(legs), legs, chain, spot: 23_300 });
    expect(r.severity).toBe('CRITICAL');
    expect(r.suggestion).toEqual({ leg: 'PE', fromStrike: 23_500, toStrike: 23_000, expectedNetDelta: 19.5 });
  });

  it('gives no suggestion when no listed strike further out reduces the net delta', () => {
    const legs = [shortCall(0.7)];
    const r = deltaAdjustmentAdvice({
      netDelta: -455,
      legs,
      chain: [{ strike: 24_400, type: 'CE', delta: 0.9 }],
      spot: 24_500,
    });
    expect(r.alert).toBe(true);
    expect(r.suggestion).toBeUndefined();
    expect(r.recommendation).toContain('no listed strike further out');
  });

  it('uses a configurable threshold and rejects a non-positive one', () => {
    expect(deltaAdjustmentAdvice({ netDelta: 150, threshold: 100, legs: [shortPut(-0.3)], spot: 23_700 }).alert).toBe(true);
    expect(() => deltaAdjustmentAdvice({ netDelta: 150, threshold: 0, legs: [], spot: 23_700 })).toThrow(DomainError);
  });
});
