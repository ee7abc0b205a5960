/** How close a period's P&L is to a limit or a target, for a progress bar. */
export interface LimitBar {
  /** Bar width, 0..100. */
  pct: number;
  /** ok: comfortable; warn: ≥ 75 % of a loss limit; breach: loss limit reached; reached: profit target met. */
  level: 'ok' | 'warn' | 'breach' | 'reached';
}

const WARN_AT = 0.75;
const clampPct = (ratio: number) => Math.min(100, Math.max(0, Math.round(ratio * 1000) / 10));

/** A loss against its limit (both paise; the limit positive): only a loss fills the bar. Null without a limit. */
export function lossBar(netPaise: number, limitPaise: number | null): LimitBar | null {
  if (limitPaise === null || limitPaise <= 0) return null;
  const ratio = Math.max(0, -netPaise) / limitPaise;
  return { pct: clampPct(ratio), level: ratio >= 1 ? 'breach' : ratio >= WARN_AT ? 'warn' : 'ok' };
}

/** A profit against its target (paise): only a profit fills the bar. Null without a target. */
export function targetBar(netPaise: number, targetPaise: number | null): LimitBar | null {
  if (targetPaise === null || targetPaise <= 0) return null;
  const ratio = Math.max(0, netPaise) / targetPaise;
  return { pct: clampPct(ratio), level: ratio >= 1 ? 'reached' : 'ok' };
}

/** The net-delta gauge: a marker on a scale of ± `SCALE` × threshold, and the threshold lines. */
export interface DeltaGauge {
  /** Marker position, 0..100 (50 = delta-neutral). */
  markerPct: number;
  /** Where −threshold and +threshold sit, 0..100. */
  lowPct: number;
  highPct: number;
  /** |delta| beyond the threshold: the plan's rebalancing alert. */
  breached: boolean;
}

const SCALE = 1.5;

/** Places `netDelta` on the gauge; null without a delta (no position or no greeks). */
export function deltaGauge(netDelta: number | null, threshold: number): DeltaGauge | null {
  if (netDelta === null || !(threshold > 0)) return null;
  const span = threshold * SCALE;
  const toPct = (v: number) => Math.round((50 + (50 * Math.max(-span, Math.min(span, v))) / span) * 10) / 10;
  return { markerPct: toPct(netDelta), lowPct: toPct(-threshold), highPct: toPct(threshold), breached: Math.abs(netDelta) > threshold };
}
