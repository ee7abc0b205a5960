import { seededRandom } from '@mcube/domain';
import type { SlippageModel } from './paper-broker.config';

/** A function giving the slippage ticks of each fill under `model` (FIXED: constant; RANDOM: seeded, in [0, maxTicks]). */
export function slippageDrawer(model: SlippageModel): () => number {
  if (model.kind === 'FIXED') return () => model.ticks;
  const next = seededRandom(model.seed);
  return () => Math.floor(next() * (model.maxTicks + 1));
}
