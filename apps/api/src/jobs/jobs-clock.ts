import type { Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Clock } from '@mcube/domain';
import { MARKET_CLOCK, WALL_CLOCK } from '../modules/core/clock/clock.token';

/**
 * DI token of the clock the schedule and the drivers read: the market's clock when the data
 * module provides one (a replayed day, or the accelerated session-only demo clock), else the
 * process clock. The schedule follows the market the rest of the app sees.
 */
export const JOBS_CLOCK = Symbol('mcube:jobs-clock');

/**
 * Reads the preferred clock once it can be resolved, the fallback until then (the preferred
 * one is looked up again on each reading until found). Never throws.
 */
export class PreferredClock implements Clock {
  private target?: Clock;

  constructor(
    private readonly resolve: () => Clock | undefined,
    private readonly fallback: Clock,
  ) {}

  /** Now, on the preferred clock when available. */
  nowMs(): number {
    this.target ??= this.resolve();
    return (this.target ?? this.fallback).nowMs();
  }
}

/** Provides `JOBS_CLOCK`: `MARKET_CLOCK` when some module exports it, else `WALL_CLOCK`. */
export const jobsClockProvider: Provider = {
  provide: JOBS_CLOCK,
  inject: [ModuleRef, WALL_CLOCK],
  useFactory: (ref: ModuleRef, clock: Clock): Clock =>
    new PreferredClock(() => {
      try {
        return ref.get<Clock>(MARKET_CLOCK, { strict: false });
      } catch {
        return undefined;
      }
    }, clock),
};
