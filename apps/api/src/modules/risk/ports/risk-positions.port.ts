import type { Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntryLegShape } from '@mcube/domain';
import type { EntityManager } from 'typeorm';

/** What the risk checks, the breaker and the loss-limit warning read of an account's ACTIVE position (paise). */
export interface ActivePositionFacts {
  readonly id: number;
  readonly entryValuePaise: number;
  readonly realizedPnlPaise: number;
  readonly unrealizedPnlPaise: number;
}

/**
 * The positions tables as the risk module needs them: the ACTIVE position, its open legs'
 * shapes (the entry-shape rule) and the breaker's mark. The positions module implements it
 * (`RiskPositionsQuery`) and provides it under `POSITIONS_FOR_RISK`; the risk module owns the
 * port so that it does not import the positions module (which imports risk).
 */
export interface RiskPositions {
  /** The account's ACTIVE position; reads through `manager` when given (inside a transaction). */
  activeOf(accountId: number, manager?: EntityManager): Promise<ActivePositionFacts | null>;
  /** The open legs of a position as the entry-shape rule sees them; through `manager` when given. */
  openLegShapes(positionId: number, manager?: EntityManager): Promise<EntryLegShape[]>;
  /** Marks the ACTIVE position's unrealised P&L from its open legs' last prices, stores it and returns the position. */
  markActive(accountId: number): Promise<ActivePositionFacts | null>;
}

/** Token under which the positions module provides its `RiskPositions` implementation. */
export const POSITIONS_FOR_RISK = Symbol('mcube:positions-for-risk');

/** Token of the positions the risk module injects: `POSITIONS_FOR_RISK`, looked up when first used. */
export const RISK_POSITIONS = Symbol('mcube:risk-positions');

/**
 * `RiskPositions` resolved on first use: the risk module is built before the positions module
 * (which imports it), so the implementation is looked up across the app when first asked, by
 * then booted. Throws when no module provides `POSITIONS_FOR_RISK`.
 */
export class LateBoundRiskPositions implements RiskPositions {
  private target?: RiskPositions;

  constructor(private readonly resolve: () => RiskPositions) {}

  async activeOf(accountId: number, manager?: EntityManager): Promise<ActivePositionFacts | null> {
    return this.resolved().activeOf(accountId, manager);
  }

  async openLegShapes(positionId: number, manager?: EntityManager): Promise<EntryLegShape[]> {
    return this.resolved().openLegShapes(positionId, manager);
  }

  async markActive(accountId: number): Promise<ActivePositionFacts | null> {
    return this.resolved().markActive(accountId);
  }

  private resolved(): RiskPositions {
    this.target ??= this.resolve();
    return this.target;
  }
}

/** Provides `RISK_POSITIONS` for the risk module. */
export const riskPositionsProvider: Provider = {
  provide: RISK_POSITIONS,
  inject: [ModuleRef],
  useFactory: (ref: ModuleRef): RiskPositions => new LateBoundRiskPositions(() => ref.get<RiskPositions>(POSITIONS_FOR_RISK, { strict: false })),
};
