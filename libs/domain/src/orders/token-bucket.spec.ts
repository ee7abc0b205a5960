import { DomainError } from '../errors/domain-error';
import { createTokenBucket, takeSegmentToken, takeToken, type TokenBucketState } from './token-bucket';

function takeAll(times: number[], state: TokenBucketState = createTokenBucket()): { allowed: number[]; denied: number[] } {
  const allowed: number[] = [];
  const denied: number[] = [];
  for (const t of times) {
    const r = takeToken(state, t);
    state = r.state;
    (r.allowed ? allowed : denied).push(t);
  }
  return { allowed, denied };
}

// Deterministic pseudo-random arrivals (a linear congruential generator), so failures reproduce.
function arrivals(seed: number, n: number, maxGapMs: number): number[] {
  let x = seed;
  let t = 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    t += x % (maxGapMs + 1);
    out.push(t);
  }
  return out;
}

describe('TokenBucket: 5 orders per second per segment', () => {
  it('lets a burst of 5 through at once and holds the 6th for the rest of the second', () => {
    const { allowed, denied } = takeAll([0, 0, 0, 0, 0, 0]);
    expect(allowed).toHaveLength(5);
    expect(denied).toEqual([0]);
  });

  it('tells how long to wait for the next token', () => {
    let s = createTokenBucket();
    for (const t of [0, 100, 200, 300, 400]) s = takeToken(s, t).state;
    const r = takeToken(s, 450);
    expect(r.allowed).toBe(false);
    expect(r.waitMs).toBe(550);
    expect(takeToken(r.state, 999).allowed).toBe(false);
    expect(takeToken(r.state, 1000).allowed).toBe(true);
  });

  it('does not let a 6th order through 200 ms after a burst (unlike a continuous refill)', () => {
    const { allowed } = takeAll([0, 0, 0, 0, 0, 200, 400, 600, 800, 999]);
    expect(allowed).toEqual([0, 0, 0, 0, 0]);
  });

  it.each([1, 7, 42, 2026])('never allows more than 5 in any 1-second window (random arrivals, seed %p)', (seed) => {
    const times = arrivals(seed, 3000, 150);
    const { allowed } = takeAll(times);
    for (let i = 0; i < allowed.length; i++) {
      let inWindow = 0;
      for (let j = i; j < allowed.length && allowed[j] < allowed[i] + 1000; j++) inWindow++;
      expect(inWindow).toBeLessThanOrEqual(5);
    }
    expect(allowed.length).toBeGreaterThan(0);
  });

  it.each([3, 99])('denies only when 5 orders already went out in the last second (seed %p)', (seed) => {
    const times = arrivals(seed, 2000, 200);
    const { allowed, denied } = takeAll(times);
    for (const t of denied) {
      expect(allowed.filter((a) => a > t - 1000 && a <= t).length).toBe(5);
    }
  });

  it('does not change the state when it denies', () => {
    let s = createTokenBucket({ capacity: 1 });
    s = takeToken(s, 0).state;
    const r = takeToken(s, 10);
    expect(r.allowed).toBe(false);
    expect(r.state.takenAtMs).toEqual([0]);
  });

  it('throws when time goes backwards', () => {
    const s = takeToken(createTokenBucket(), 1000).state;
    expect(() => takeToken(s, 999)).toThrow(DomainError);
    expect(() => takeToken(s, Number.NaN)).toThrow(DomainError);
  });

  it('refuses a bucket without capacity', () => {
    expect(() => createTokenBucket({ capacity: 0 })).toThrow(DomainError);
    expect(() => createTokenBucket({ periodMs: 0.5 })).toThrow(DomainError);
  });

  it('keeps one bucket per exchange segment', () => {
    let buckets = {};
    let allowedOpt = 0;
    for (let i = 0; i < 6; i++) {
      const r = takeSegmentToken(buckets, 'NFO-OPT', 0);
      buckets = r.buckets;
      if (r.allowed) allowedOpt++;
    }
    expect(allowedOpt).toBe(5);
    expect(takeSegmentToken(buckets, 'NFO-FUT', 0).allowed).toBe(true);
  });
});
