import type { Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { PositionUpdatedEvent, StrategyType } from '@mcube/contracts';
import type { OrderPurpose, OrderSide } from '@mcube/domain';
import type { EntityManager } from 'typeorm';

/** The ACTIVE position an entry reserves before any order leaves (quantity 0; fills add legs). */
export interface PositionReservation {
  readonly accountId: number;
  readonly strategyType: StrategyType;
  readonly direction: 'LONG' | 'SHORT' | 'NEUTRAL';
  readonly underlying: string;
  readonly expiryDate: string;
  readonly marginPaise: number;
  readonly exposurePaise: number;
  readonly atMs: number;
}

/** What the orders' tables say about a position that may close (the ledger asks, orders answer). */
export interface PositionOrderFacts {
  /** Whether an order of the position may still trade (open or INITIALIZED). */
  hasLiveOrders(): Promise<boolean>;
  /** Σ charges (paise) of every execution of the position's orders. */
  chargesPaise(): Promise<number>;
}

/** One fill of an order of a position, as the position's accounting needs it. */
export interface PositionFill {
  readonly positionId: number;
  readonly orderId: number;
  readonly clientOrderId: string;
  readonly tradeId: string;
  readonly tradingSymbol: string;
  readonly instrumentToken: string | null;
  readonly underlying: string;
  readonly instrumentType: 'CE' | 'PE' | 'FUT';
  readonly strike: number | null;
  /** The order's expiry; null: the position's. */
  readonly expiryDate: string | null;
  readonly side: OrderSide;
  readonly purpose: OrderPurpose;
  readonly quantity: number;
  /** The trade's price as reported (for the log line). */
  readonly price: number;
  readonly pricePaise: number;
  readonly chargesPaise: number;
  readonly occurredAtMs: number;
}

/** What the fill step asks of the caller: the orders' tables and the contract terms. */
export interface PositionFillFacts extends PositionOrderFacts {
  /** Units the leg `tradingSymbol` filled on each side BEFORE this trade (asked only for a fill against the leg's side). */
  filledBefore(tradingSymbol: string): Promise<{ buy: number; sell: number }>;
  /** The lot size of the contract (asked only when the fill opens a leg). */
  lotSize(underlying: string, expiryDate: string): number;
}

/** A leg of an ACTIVE position, as reconciliation compares it with the broker's net position. */
export interface ActiveLeg {
  readonly underlying: string;
  readonly expiryDate: string;
  readonly strike: number | null;
  readonly instrumentType: 'CE' | 'PE' | 'FUT';
  readonly tradingSymbol: string;
  readonly side: OrderSide;
  readonly quantity: number;
}

/**
 * The positions tables as the order path needs them: the gateway's position slot and the
 * reduction check, the fill step, the close of an empty position, and the reads of the order
 * gate, the live switch and reconciliation. Every call taking `manager` runs in the CALLER's
 * transaction, so an order's journal and the position change it makes commit together. The
 * positions module implements it (`PositionLedgerService`, over its ledger functions) and
 * provides it under `POSITION_LEDGER`; the orders module owns the port so that it does not
 * import the positions module (which imports orders).
 */
export interface PositionLedger {
  /** Name of the partial unique index allowing one ACTIVE position per account (a lost entry race violates it). */
  readonly oneActivePositionIndex: string;
  /** Inserts the reserved ACTIVE position (the index refuses a second); returns its id. */
  reservePositionRow(manager: EntityManager, reservation: PositionReservation): Promise<number>;
  /** Closes the position when it holds nothing and can get nothing more; true when it closed it. */
  closePositionIfFlat(manager: EntityManager, positionId: number, atMs: number, reason: string, orders: PositionOrderFacts): Promise<boolean>;
  /** The position step of a fill (leg, quantity, realised P&L, a FILL monitor row, the close once flat). */
  applyFillToPosition(manager: EntityManager, fill: PositionFill, nowMs: number, facts: PositionFillFacts): Promise<void>;
  /** The `position.updated` event of the position as stored now (null: no such position). */
  positionUpdatedOf(manager: EntityManager, positionId: number, nowMs: number): Promise<PositionUpdatedEvent | null>;
  /** The OPEN leg of the position in `tradingSymbol` (side and open units), or null. */
  openLegOf(manager: EntityManager, positionId: number, tradingSymbol: string): Promise<{ side: OrderSide; quantity: number } | null>;
  /** The account a position belongs to, or undefined when there is no such position. */
  accountOfPosition(manager: EntityManager, positionId: number): Promise<number | undefined>;
  /** How many ACTIVE positions the account has. */
  activePositionCount(manager: EntityManager, accountId: number): Promise<number>;
  /** Every leg (open or closed) of the account's ACTIVE positions. */
  legsOfActivePositions(manager: EntityManager, accountId: number): Promise<ActiveLeg[]>;
}

/** Token under which the positions module provides its `PositionLedger` implementation. */
export const POSITION_LEDGER = Symbol('mcube:position-ledger');

/** Token of the ledger the orders module injects: `POSITION_LEDGER`, looked up when first used. */
export const ORDERS_POSITION_LEDGER = Symbol('mcube:orders-position-ledger');

/**
 * `PositionLedger` resolved on first use: the orders module is built before the positions
 * module (which imports it), so the implementation is looked up across the app when first
 * asked, by then booted. Each call hands back the target's own promise (no await of its own:
 * the gateway and the fill path pay nothing per order). Throws when no module provides
 * `POSITION_LEDGER`.
 */
export class LateBoundPositionLedger implements PositionLedger {
  private target?: PositionLedger;

  constructor(private readonly resolve: () => PositionLedger) {}

  get oneActivePositionIndex(): string {
    return this.resolved().oneActivePositionIndex;
  }

  reservePositionRow(manager: EntityManager, reservation: PositionReservation): Promise<number> {
    return this.resolved().reservePositionRow(manager, reservation);
  }

  closePositionIfFlat(manager: EntityManager, positionId: number, atMs: number, reason: string, orders: PositionOrderFacts): Promise<boolean> {
    return this.resolved().closePositionIfFlat(manager, positionId, atMs, reason, orders);
  }

  applyFillToPosition(manager: EntityManager, fill: PositionFill, nowMs: number, facts: PositionFillFacts): Promise<void> {
    return this.resolved().applyFillToPosition(manager, fill, nowMs, facts);
  }

  positionUpdatedOf(manager: EntityManager, positionId: number, nowMs: number): Promise<PositionUpdatedEvent | null> {
    return this.resolved().positionUpdatedOf(manager, positionId, nowMs);
  }

  openLegOf(manager: EntityManager, positionId: number, tradingSymbol: string): Promise<{ side: OrderSide; quantity: number } | null> {
    return this.resolved().openLegOf(manager, positionId, tradingSymbol);
  }

  accountOfPosition(manager: EntityManager, positionId: number): Promise<number | undefined> {
    return this.resolved().accountOfPosition(manager, positionId);
  }

  activePositionCount(manager: EntityManager, accountId: number): Promise<number> {
    return this.resolved().activePositionCount(manager, accountId);
  }

  legsOfActivePositions(manager: EntityManager, accountId: number): Promise<ActiveLeg[]> {
    return this.resolved().legsOfActivePositions(manager, accountId);
  }

  private resolved(): PositionLedger {
    this.target ??= this.resolve();
    return this.target;
  }
}

/** Provides `ORDERS_POSITION_LEDGER` for the orders module. */
export const positionLedgerProvider: Provider = {
  provide: ORDERS_POSITION_LEDGER,
  inject: [ModuleRef],
  useFactory: (ref: ModuleRef): PositionLedger => new LateBoundPositionLedger(() => ref.get<PositionLedger>(POSITION_LEDGER, { strict: false })),
};
