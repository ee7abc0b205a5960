import { DomainError } from '../errors/domain-error';
import { FixedClock, SteppedClock } from './clock.port';

describe('FixedClock', () => {
  it('stands still until moved', () => {
    const c = new FixedClock(1000);
    expect([c.nowMs(), c.nowMs()]).toEqual([1000, 1000]);
    c.advance(250);
    expect(c.nowMs()).toBe(1250);
    c.set(5000);
    expect(c.nowMs()).toBe(5000);
  });

  it('refuses to go back or to take NaN', () => {
    const c = new FixedClock(1000);
    expect(() => c.advance(-1)).toThrow(DomainError);
    expect(() => c.set(999)).toThrow(DomainError);
    expect(() => new FixedClock(Number.NaN)).toThrow(DomainError);
    expect(c.nowMs()).toBe(1000);
  });
});

describe('SteppedClock', () => {
  it('moves one step after every reading', () => {
    const c = new SteppedClock(100, 10);
    expect([c.nowMs(), c.nowMs(), c.nowMs()]).toEqual([100, 110, 120]);
  });

  it('refuses a negative step', () => {
    expect(() => new SteppedClock(0, -1)).toThrow(DomainError);
  });
});
