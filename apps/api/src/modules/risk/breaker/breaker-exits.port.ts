import type { Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

/** One exit order the breaker sent, as far as the breaker reports it. */
export interface BreakerExitOrder {
  readonly orderIds: readonly number[];
  readonly statuses: readonly string[];
}

/**
 * How the circuit breaker closes a position: through the order gateway, as the BREAKER's exit
 * (so the exit chaser works every leg until flat). The positions module implements it
 * (`ManualExitService`) and provides it under `POSITION_EXITS`; the risk module owns the port so
 * that it can provide the breaker without importing the positions module (which imports risk).
 */
export interface BreakerExits {
  exit(positionId: number, reason: string, owner: 'BREAKER'): Promise<{ readonly exits: readonly BreakerExitOrder[] }>;
}

/** Token under which the positions module provides its `BreakerExits` implementation. */
export const POSITION_EXITS = Symbol('mcube:position-exits');

/** Token of the exits the breaker injects: `POSITION_EXITS`, looked up when first used. */
export const BREAKER_EXITS = Symbol('mcube:breaker-exits');

/**
 * `BreakerExits` resolved on first use: the risk module is built before the positions module
 * (which imports it), so the implementation is looked up across the app when the breaker first
 * exits, by then long booted. Throws when no module provides `POSITION_EXITS`.
 */
export class LateBoundBreakerExits implements BreakerExits {
  private target?: BreakerExits;

  constructor(private readonly resolve: () => BreakerExits) {}

  exit(positionId: number, reason: string, owner: 'BREAKER'): ReturnType<BreakerExits['exit']> {
    this.target ??= this.resolve();
    return this.target.exit(positionId, reason, owner);
  }
}

/** Provides `BREAKER_EXITS` for the risk module. */
export const breakerExitsProvider: Provider = {
  provide: BREAKER_EXITS,
  inject: [ModuleRef],
  useFactory: (ref: ModuleRef): BreakerExits => new LateBoundBreakerExits(() => ref.get<BreakerExits>(POSITION_EXITS, { strict: false })),
};
