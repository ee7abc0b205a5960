import { KOTAK_STRANGLE_CONFIG_DEFAULTS } from '@mcube/strategy-kotak-strangle';
import { ORDER_SYNC_INTERVAL_MS } from '../../orders/paper/order-sync.scheduler';
import type { StrangleRuntimeSettings } from './strategy-runtime.tokens';

/** Order-sync passes a working order gets before the strategy calls it late. */
const SYNC_PASSES = 3;

/**
 * Run-time settings for a market clock running `speed` times real time. Fills reach the
 * journal through the order sync (every ORDER_SYNC_INTERVAL_MS of REAL time), i.e. every
 * `speed × 2 s` of market time: the entry-leg fill timeout and the closing-order re-price
 * timeout are stretched to at least three such passes so an accelerated demo does not abandon
 * entries the paper broker would have filled. At speed 1 the strategy defaults (60 s, 30 s).
 */
export function strangleRuntimeSettingsFor(speed: number): StrangleRuntimeSettings {
  const syncMs = SYNC_PASSES * ORDER_SYNC_INTERVAL_MS * Math.max(1, speed);
  return {
    legFillTimeoutMs: Math.max(KOTAK_STRANGLE_CONFIG_DEFAULTS.legFillTimeoutMs, syncMs),
    closeOrderTimeoutMs: Math.max(KOTAK_STRANGLE_CONFIG_DEFAULTS.closeOrderTimeoutMs, syncMs),
  };
}
