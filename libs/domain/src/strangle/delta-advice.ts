import { assertFinite, assertPositive } from '../validation/assert';
import { KOTAK_STRANGLE_DEFAULTS } from './strangle.defaults';
import { assertDeltaLeg, DeltaLeg, OptionLegType } from './net-delta';
import { cleanFloat } from './strike-grid';

/** A chain row: the delta per unit of one listed option. */
export interface ChainDelta {
  readonly strike: number;
  readonly type: OptionLegType;
  readonly delta: number;
}

/** A concrete roll the operator may make. */
export interface DeltaRollSuggestion {
  readonly leg: OptionLegType;
  readonly fromStrike: number;
  readonly toStrike: number;
  /** Net delta after the roll, with today's chain deltas. */
  readonly expectedNetDelta: number;
}

/** Result of {@link deltaAdjustmentAdvice}: advice only, never an order. */
export interface DeltaAdvice {
  readonly alert: boolean;
  /** OK within the threshold, WARNING above it, CRITICAL above twice it. */
  readonly severity: 'OK' | 'WARNING' | 'CRITICAL';
  readonly recommendation: string;
  readonly suggestion?: DeltaRollSuggestion;
}

/** Inputs of {@link deltaAdjustmentAdvice}. */
export interface DeltaAdviceInput {
  /** Current net delta (see `netDelta`). */
  readonly netDelta: number;
  /** Alert when |net delta| is strictly above this; default 300. */
  readonly threshold?: number;
  /** The position's legs (short legs have negative quantity). */
  readonly legs: readonly DeltaLeg[];
  /** Today's chain deltas, when known. */
  readonly chain?: readonly ChainDelta[];
  /** Underlying level, for the message. */
  readonly spot: number;
}

/**
 * Delta alert and manual adjustment recommendation (plan §1 "Strangle delta management",
 * DECISIONS §1): above |threshold| it names the THREATENED short leg (net delta < 0 → the
 * market rose, the call; > 0 → the put) and recommends rolling it further out. The other
 * leg is never rolled in: no strike is brought closer to spot. With a chain, every listed
 * strike further out is tried and the one whose expected net delta is closest to 0 is
 * suggested (ties → the one further out); no suggestion when no roll reduces |net delta|.
 * Advice only: mCube never adjusts automatically.
 *
 * @throws DomainError INVALID_ARGUMENT for a non-finite net delta, non-positive threshold
 * or spot, or a malformed leg/chain row.
 */
export function deltaAdjustmentAdvice(input: DeltaAdviceInput): DeltaAdvice {
  const { netDelta: net, legs, chain, spot } = input;
  const threshold = input.threshold ?? KOTAK_STRANGLE_DEFAULTS.deltaThreshold;
  assertFinite('netDelta', net);
  assertPositive('threshold', threshold);
  assertPositive('spot', spot);
  legs.forEach(assertDeltaLeg);
  chain?.forEach((row) => assertDeltaLeg({ ...row, quantity: 0 }));

  if (Math.abs(net) <= threshold) {
    return { alert: false, severity: 'OK', recommendation: `Net delta ${net} within ±${threshold}: no adjustment` };
  }
  const severity = Math.abs(net) > 2 * threshold ? 'CRITICAL' : 'WARNING';
  const side: OptionLegType = net < 0 ? 'CE' : 'PE';
  const sideName = side === 'CE' ? 'call' : 'put';
  const head = `Net delta ${net} beyond ±${threshold} at spot ${spot}: the ${sideName} side is threatened`;

  const shorts = legs.filter((l) => l.type === side && l.quantity < 0);
  if (shorts.length === 0) {
    return { alert: true, severity, recommendation: `${head}; no short ${side} leg to roll: review the position manually` };
  }
  const leg = shorts.reduce((a, b) => (Math.abs(b.quantity * b.delta) > Math.abs(a.quantity * a.delta) ? b : a));
  const generic = `${head}; roll the short ${leg.strike} ${side} further out (${side === 'CE' ? 'higher' : 'lower'} strike)`;
  if (!chain) return { alert: true, severity, recommendation: generic };

  const further = (k: number) => (side === 'CE' ? k > leg.strike : k < leg.strike);
  let best: DeltaRollSuggestion | undefined;
  for (const row of chain) {
    if (row.type !== side || !further(row.strike)) continue;
    const expected = cleanFloat(net - leg.quantity * leg.delta + leg.quantity * row.delta) + 0;
    const better =
      !best ||
      Math.abs(expected) < Math.abs(best.expectedNetDelta) ||
      (Math.abs(expected) === Math.abs(best.expectedNetDelta) && (side === 'CE' ? row.strike > best.toStrike : row.strike < best.toStrike));
    if (better) best = { leg: side, fromStrike: leg.strike, toStrike: row.strike, expectedNetDelta: expected };
  }
  if (!best || Math.abs(best.expectedNetDelta) >= Math.abs(net)) {
    return { alert: true, severity, recommendation: `${generic}; no listed strike further out reduces the net delta` };
  }
  return {
    alert: true,
    severity,
    recommendation: `${head}; roll the short ${leg.strike} ${side} to ${best.toStrike} ${side} (expected net delta ${best.expectedNetDelta}). Manual action only.`,
    suggestion: best,
  };
}
