import { DomainError } from '@mcube/domain';

/**
 * A seeded pseudo-random source: the simulator's only randomness, so a seed replays the same
 * market. `uniform()` is in [0, 1), `normal()` standard normal (Box-Muller, cached pair).
 */
export interface Prng {
  uniform(): number;
  normal(): number;
  /** An independent stream derived from this seed and a label (stable across code changes elsewhere). */
  fork(label: string): Prng;
}

/** 32-bit FNV-1a hash of a string, to turn labels into seeds. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A PRNG on sfc32 (small fast counter, passes PractRand to large sizes), seeded from one
 * integer. Throws INVALID_ARGUMENT unless `seed` is a finite integer.
 */
export function createPrng(seed: number): Prng {
  if (!Number.isInteger(seed)) throw new DomainError('INVALID_ARGUMENT', `seed must be an integer, got ${seed}`, { seed });
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next(); // mix the seed in before the first draw
  let spare: number | null = null;
  return {
    uniform: next,
    normal(): number {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = next();
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    fork(label: string): Prng {
      return createPrng((Math.imul(seed >>> 0, 0x9e3779b1) ^ hashLabel(label)) | 0);
    },
  };
}
