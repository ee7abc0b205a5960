import type { Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { StrategyType } from '@mcube/contracts';

/**
 * What the positions module needs to know of the strategy that opened a position: its stored
 * parameters (the strangle's exit rules on the position detail) and whether it is active (an
 * active strategy re-prices its own exits, so the exit chaser leaves them alone). The strategies
 * module implements it (`StrategySettingsQuery`) and provides it under `STRATEGY_SETTINGS`; the
 * positions module owns the port so that it does not import the strategies module (which
 * imports positions).
 */
export interface PositionStrategies {
  /** The stored parameters of the account's strategy of this type; null when none is stored. */
  parametersOf(accountId: number, strategyType: StrategyType): Promise<Record<string, unknown> | null>;
  /** True when the account has an active strategy of this type. */
  isActive(accountId: number, strategyType: StrategyType): Promise<boolean>;
}

/** Token under which the strategies module provides its `PositionStrategies` implementation. */
export const STRATEGY_SETTINGS = Symbol('mcube:strategy-settings');

/** Token of the strategy facts the positions module injects: `STRATEGY_SETTINGS`, looked up when first used. */
export const POSITION_STRATEGIES = Symbol('mcube:position-strategies');

/**
 * `PositionStrategies` resolved on first use: the positions module is built before the
 * strategies module (which imports it), so the implementation is looked up across the app when
 * first asked, by then booted. Throws when no module provides `STRATEGY_SETTINGS`.
 */
export class LateBoundPositionStrategies implements PositionStrategies {
  private target?: PositionStrategies;

  constructor(private readonly resolve: () => PositionStrategies) {}

  async parametersOf(accountId: number, strategyType: StrategyType): Promise<Record<string, unknown> | null> {
    this.target ??= this.resolve();
    return this.target.parametersOf(accountId, strategyType);
  }

  async isActive(accountId: number, strategyType: StrategyType): Promise<boolean> {
    this.target ??= this.resolve();
    return this.target.isActive(accountId, strategyType);
  }
}

/** Provides `POSITION_STRATEGIES` for the positions module. */
export const positionStrategiesProvider: Provider = {
  provide: POSITION_STRATEGIES,
  inject: [ModuleRef],
  useFactory: (ref: ModuleRef): PositionStrategies => new LateBoundPositionStrategies(() => ref.get<PositionStrategies>(STRATEGY_SETTINGS, { strict: false })),
};
