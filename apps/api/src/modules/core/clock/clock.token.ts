/**
 * The app's two clocks, each behind its own token so every injection site says which time it
 * means (issue 13). Both tokens live here in `core`, so naming a clock imports no other module.
 */

/**
 * Injection token of the WALL clock (real elapsed time of the process, a `Clock` from
 * `@mcube/domain`): sessions, API keys, alerts' cooldowns, the 5 orders/s throttle (an
 * accelerated demo market must not let 8 orders out in 250 ms), and the base the market clock
 * is derived from. Tests swap in a FixedClock or SteppedClock (and fake `SLEEP` with it).
 */
export const WALL_CLOCK = Symbol('mcube:wall-clock');

/**
 * Injection token of the MARKET clock (a `Clock`): the wall clock, or an accelerated or
 * replayed one for demos and replays. Provided by the data module's market source; trading
 * (orders, positions, risk, analytics, strategies) stamps and checks session hours with it.
 */
export const MARKET_CLOCK = Symbol('mcube:market-clock');

/** Injection token of the wait function used by throttles (tests advance a fixed clock instead of waiting). */
export const SLEEP = Symbol('mcube:sleep');

/** Waits `ms` milliseconds (or pretends to, in tests). */
export type Sleep = (ms: number) => Promise<void>;
