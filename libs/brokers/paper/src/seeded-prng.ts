import type { SlippageModel } from './paper-broker.config';

/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence
 * on every run, so paper fills are reproducible. Returns numbers in [0, 1).
 */
export function seededPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A function giving the slippage ticks of each fill under `model` (FIXED: constant; RANDOM: seeded, in [0, maxTicks]). */
export function slippageDrawer(model: SlippageModel): () => number {
  if (model.kind === 'FIXED') return () => model.ticks;
  const next = seededPrng(model.seed);
  return () => Math.floor(next() * (model.maxTicks + 1));
}
