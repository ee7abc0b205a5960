import { DomainError } from '../errors/domain-error';
import { assertPositive } from '../validation/assert';

/** Inputs of {@link nearestListedStrike}. */
export interface NearestListedStrikeInput {
  /** The strike a rule asked for. */
  readonly strike: number;
  /** Strikes that exist in the option chain. */
  readonly listedStrikes: readonly number[];
  /** 'CE' looks at or above the strike, 'PE' at or below (never closer to spot). */
  readonly type: 'CE' | 'PE';
}

/**
 * The listed strike to trade for a wanted short strike (DECISIONS §1: only strikes that
 * exist in the chain). Never moves a short strike closer to spot: for a call the lowest
 * listed strike ≥ the wanted one, for a put the highest listed strike ≤ it.
 * Returns null when the chain has no such strike (the caller must not trade).
 *
 * @throws DomainError INVALID_ARGUMENT for a non-positive strike or a non-finite listed strike.
 */
export function nearestListedStrike(input: NearestListedStrikeInput): number | null {
  const { strike, listedStrikes, type } = input;
  assertPositive('strike', strike);
  let best: number | null = null;
  for (const s of listedStrikes) {
    if (!Number.isFinite(s)) throw new DomainError('INVALID_ARGUMENT', `listed strike must be finite, got ${s}`);
    if (type === 'CE' ? s >= strike && (best === null || s < best) : s <= strike && (best === null || s > best)) best = s;
  }
  return best;
}
