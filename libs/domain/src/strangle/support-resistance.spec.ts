import { DomainError } from '../errors/domain-error';
import { adjustStrikesForDirectionalBias } from './directional-bias';
import { adjustStrikesForSupportResistance, supportResistanceFromOi } from './support-resistance';

describe('supportResistanceFromOi', () => {
  const calls = [
    { strike: 23_900, oi: 9_000_000 }, // below spot: never resistance
    { strike: 24_200, oi: 3_000_000 },
    { strike: 24_500, oi: 7_000_000 },
    { strike: 24_800, oi: 5_000_000 },
  ];
  const puts = [
    { strike: 23_500, oi: 6_000_000 },
    { strike: 23_800, oi: 4_000_000 },
    { strike: 24_100, oi: 8_000_000 }, // above spot: never support
  ];

  it('takes the highest call-OI strike above spot as resistance and the highest put-OI strike below as support', () => {
    expect(supportResistanceFromOi({ spot: 24_050, calls, puts })).toEqual({
      resistance: 24_500,
      resistanceOi: 7_000_000,
      support: 23_500,
      supportOi: 6_000_000,
    });
  });

  it('breaks an OI tie towards the strike farther from spot', () => {
    const r = supportResistanceFromOi({
      spot: 24_000,
      calls: [{ strike: 24_300, oi: 5 }, { strike: 24_600, oi: 5 }],
      puts: [{ strike: 23_700, oi: 5 }, { strike: 23_400, oi: 5 }],
    });
    expect([r.resistance, r.support]).toEqual([24_600, 23_400]);
  });

  it('gives null levels when no strike with OI lies on the right side', () => {
    const r = supportResistanceFromOi({ spot: 24_000, calls: [{ strike: 24_500, oi: 0 }], puts: [] });
    expect([r.resistance, r.support]).toEqual([null, null]);
  });

  it('rejects negative OI', () => {
    expect(() => supportResistanceFromOi({ spot: 24_000, calls: [{ strike: 24_500, oi: -1 }], puts: [] })).toThrow(DomainError);
  });
});

describe('adjustStrikesForSupportResistance', () => {
  it('moves a short call inside resistance out to the level rounded up, and a put inside support down', () => {
    const r = adjustStrikesForSupportResistance({
      callStrike: 24_400,
      putStrike: 23_700,
      spot: 24_050,
      resistance: 24_550,
      support: 23_650,
      roundTo: 100,
    });
    expect(r).toMatchObject({ callStrike: 24_600, putStrike: 23_600, callMoved: true, putMoved: true });
    expect(r.reason).toContain('24400 → 24600');
  });

  it('adds the buffer beyond the level', () => {
    const r = adjustStrikesForSupportResistance({
      callStrike: 24_500,
      putStrike: 23_500,
      spot: 24_000,
      resistance: 24_500,
      support: 23_500,
      roundTo: 100,
      bufferPoints: 50,
    });
    // 24,500 + 50 = 24,550 → up to 24,600; 23,500 − 50 = 23,450 → down to 23,400.
    expect([r.callStrike, r.putStrike]).toEqual([24_600, 23_400]);
  });

  it('never brings a strike that is already outside the level closer to spot', () => {
    const r = adjustStrikesForSupportResistance({
      callStrike: 24_800,
      putStrike: 23_200,
      spot: 24_000,
      resistance: 24_500,
      support: 23_500,
      roundTo: 100,
    });
    expect(r).toMatchObject({ callStrike: 24_800, putStrike: 23_200, callMoved: false, putMoved: false });
  });

  it('ignores missing levels and levels on the wrong side of spot', () => {
    const r = adjustStrikesForSupportResistance({
      callStrike: 24_500,
      putStrike: 23_500,
      spot: 24_000,
      resistance: 23_900,
      support: null,
      roundTo: 100,
    });
    expect([r.callStrike, r.putStrike]).toEqual([24_500, 23_500]);
  });

  it('rejects a put at or above the call', () => {
    expect(() => adjustStrikesForSupportResistance({ callStrike: 24_000, putStrike: 24_000, spot: 24_000, roundTo: 100 })).toThrow(
      DomainError,
    );
  });
});

describe('adjustStrikesForDirectionalBias', () => {
  it('widens the call on a bullish bias and leaves the put alone', () => {
    const r = adjustStrikesForDirectionalBias({ callStrike: 24_500, putStrike: 23_500, bias: 'BULLISH', roundTo: 100 });
    expect(r).toMatchObject({ callStrike: 24_600, putStrike: 23_500, callMoved: true, putMoved: false });
  });

  it('widens the put on a bearish bias by the given number of steps', () => {
    const r = adjustStrikesForDirectionalBias({ callStrike: 24_500, putStrike: 23_500, bias: 'BEARISH', roundTo: 50, shiftSteps: 3 });
    expect(r).toMatchObject({ callStrike: 24_500, putStrike: 23_350, putMoved: true });
  });

  it('changes nothing on a neutral bias', () => {
    const r = adjustStrikesForDirectionalBias({ callStrike: 24_500, putStrike: 23_500, bias: 'NEUTRAL', roundTo: 100 });
    expect(r).toMatchObject({ callStrike: 24_500, putStrike: 23_500, callMoved: false, putMoved: false });
  });

  it('rejects negative steps and an unknown bias', () => {
    expect(() =>
      adjustStrikesForDirectionalBias({ callStrike: 24_500, putStrike: 23_500, bias: 'BULLISH', roundTo: 100, shiftSteps: -1 }),
    ).toThrow(DomainError);
    expect(() =>
      adjustStrikesForDirectionalBias({ callStrike: 24_500, putStrike: 23_500, bias: 'UP' as never, roundTo: 100 }),
    ).toThrow(DomainError);
  });
});
