/** Injection token of the process clock (a `Clock` from `@mcube/domain`): tests swap in a FixedClock or SteppedClock. */
export const CLOCK = Symbol('mcube:clock');

/** Injection token of the wait function used by throttles (tests advance a fixed clock instead of waiting). */
export const SLEEP = Symbol('mcube:sleep');

/** Waits `ms` milliseconds (or pretends to, in tests). */
export type Sleep = (ms: number) => Promise<void>;
