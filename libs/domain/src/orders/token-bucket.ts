import { DomainError } from '../errors/domain-error';
import { assertFinite, assertInteger } from '../validation/assert';

/**
 * Order throttle state for one exchange segment. Each token comes back exactly `periodMs`
 * after it was taken (a bucket whose refill is tied to each use), so at most `capacity`
 * orders go out in ANY window of `periodMs`, bursts included: a plain continuous-refill
 * bucket would let a 6th order through 200 ms after a burst of 5. Immutable.
 */
export interface TokenBucketState {
  readonly capacity: number;
  readonly periodMs: number;
  /** Times (ms) tokens were taken within the last period, oldest first; at most `capacity`. */
  readonly takenAtMs: readonly number[];
}

/** The answer of `takeToken`. When not allowed, `waitMs` says how long until a token returns. */
export interface TakeTokenResult {
  readonly allowed: boolean;
  readonly state: TokenBucketState;
  readonly waitMs: number;
}

/** mCube's self-imposed limit: 5 orders per second per exchange segment (DECISIONS §3). */
export const ORDERS_PER_SECOND_PER_SEGMENT = 5;

/**
 * A full bucket. Defaults: 5 tokens per 1000 ms. Throws INVALID_ARGUMENT unless both are
 * whole numbers ≥ 1.
 */
export function createTokenBucket(opts: { capacity?: number; periodMs?: number } = {}): TokenBucketState {
  const capacity = opts.capacity ?? ORDERS_PER_SECOND_PER_SEGMENT;
  const periodMs = opts.periodMs ?? 1000;
  assertInteger('capacity', capacity, { min: 1 });
  assertInteger('periodMs', periodMs, { min: 1 });
  return { capacity, periodMs, takenAtMs: [] };
}

/**
 * Takes one token at `nowMs` (a monotonic clock is best). Allowed when fewer than
 * `capacity` tokens were taken in (nowMs − periodMs, nowMs]; otherwise the state is
 * unchanged and `waitMs` > 0 is the time until the oldest token returns. Throws
 * INVALID_ARGUMENT for a non-finite time or a time earlier than the last token taken.
 */
export function takeToken(state: TokenBucketState, nowMs: number): TakeTokenResult {
  assertFinite('nowMs', nowMs);
  const taken = state.takenAtMs;
  const last = taken.length > 0 ? taken[taken.length - 1] : undefined;
  if (last !== undefined && nowMs < last) {
    throw new DomainError('INVALID_ARGUMENT', `nowMs went backwards: ${nowMs} < ${last}`, { nowMs, last });
  }
  let firstLive = 0;
  while (firstLive < taken.length && taken[firstLive] + state.periodMs <= nowMs) firstLive++;
  const live = firstLive === 0 ? taken : taken.slice(firstLive);
  if (live.length >= state.capacity) {
    return { allowed: false, state: live === taken ? state : { ...state, takenAtMs: live }, waitMs: live[0] + state.periodMs - nowMs };
  }
  return { allowed: true, state: { ...state, takenAtMs: [...live, nowMs] }, waitMs: 0 };
}

/**
 * `takeToken` on the bucket of one segment within a map of buckets, creating a default
 * bucket for a segment not seen yet. Returns the new map (the input is not mutated).
 */
export function takeSegmentToken(
  buckets: Readonly<Record<string, TokenBucketState>>,
  segment: string,
  nowMs: number,
): { allowed: boolean; waitMs: number; buckets: Readonly<Record<string, TokenBucketState>> } {
  const result = takeToken(buckets[segment] ?? createTokenBucket(), nowMs);
  return { allowed: result.allowed, waitMs: result.waitMs, buckets: { ...buckets, [segment]: result.state } };
}
