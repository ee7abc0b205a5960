import { DomainError } from '../errors/domain-error';
import { assertFinite } from '../validation/assert';

/**
 * The only source of "now" for code that needs one (services, throttles, job schedulers);
 * domain functions take the time as an argument instead. Required: `nowMs()`, the current
 * instant in UTC epoch milliseconds, never decreasing between calls of one instance (a
 * system clock adapter should guard against NTP steps). Never throws.
 */
export interface Clock {
  nowMs(): number;
}

/**
 * A clock that stands still until told to move: for tests and backtests. Holds no real
 * time. Throws INVALID_ARGUMENT on a non-finite start, or on a move backwards.
 */
export class FixedClock implements Clock {
  private ms: number;

  constructor(startMs: number) {
    assertFinite('startMs', startMs);
    this.ms = startMs;
  }

  /** The instant it was set to. */
  nowMs(): number {
    return this.ms;
  }

  /** Moves forward by `deltaMs` ≥ 0. */
  advance(deltaMs: number): void {
    assertFinite('deltaMs', deltaMs);
    if (deltaMs < 0) throw new DomainError('INVALID_ARGUMENT', `a clock does not go back: deltaMs ${deltaMs}`);
    this.ms += deltaMs;
  }

  /** Jumps to `ms`, which must not be earlier than now. */
  set(ms: number): void {
    assertFinite('ms', ms);
    if (ms < this.ms) throw new DomainError('INVALID_ARGUMENT', `a clock does not go back: ${ms} < ${this.ms}`);
    this.ms = ms;
  }
}

/**
 * A clock that moves `stepMs` forward after every reading (first reading = start): for
 * tests that need distinct, ordered timestamps. Throws INVALID_ARGUMENT on a non-finite
 * start or a negative step.
 */
export class SteppedClock implements Clock {
  private next: number;

  constructor(
    startMs: number,
    private readonly stepMs: number,
  ) {
    assertFinite('startMs', startMs);
    assertFinite('stepMs', stepMs);
    if (stepMs < 0) throw new DomainError('INVALID_ARGUMENT', `stepMs must not be negative, got ${stepMs}`);
    this.next = startMs;
  }

  /** The current reading; the following one is `stepMs` later. */
  nowMs(): number {
    const now = this.next;
    this.next += this.stepMs;
    return now;
  }
}
