/** Injection token of the process clock (a `Clock` from `@mcube/domain`): tests swap in a FixedClock or SteppedClock. */
export const CLOCK = Symbol('mcube:clock');

/**
 * Injection token of the WALL clock (real elapsed time, a `Clock`), for what must run on real
 * time whatever the market clock does: the 5 orders/s throttle (an accelerated demo market
 * must not let 8 orders out in 250 ms). Tests that fake `SLEEP` fake this one with it.
 */
export const WALL_CLOCK = Symbol('mcube:wall-clock');

/** Injection token of the wait function used by throttles (tests advance a fixed clock instead of waiting). */
export const SLEEP = Symbol('mcube:sleep');

/** Waits `ms` milliseconds (or pretends to, in tests). */
export type Sleep = (ms: number) => Promise<void>;
