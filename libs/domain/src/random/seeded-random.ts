import { DomainError } from '../errors/domain-error';

/**
 * A small seeded pseudo-random generator (mulberry32) returning numbers in [0, 1): the same
 * seed gives the same sequence on every machine. The domain has no randomness of its own;
 * this is for callers that need reproducible draws (paper-fill slippage, random-input tests,
 * benchmarks). Not for anything secret. Throws INVALID_ARGUMENT unless `seed` is an integer.
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isInteger(seed)) throw new DomainError('INVALID_ARGUMENT', `seed must be an integer, got ${seed}`, { seed });
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
