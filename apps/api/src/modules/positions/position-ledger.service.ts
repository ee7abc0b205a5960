import { Injectable } from '@nestjs/common';
import type { PositionUpdatedEvent } from '@mcube/contracts';
import type { OrderSide } from '@mcube/domain';
import type { EntityManager } from 'typeorm';
import type { ActiveLeg, PositionFill, PositionFillFacts, PositionLedger, PositionOrderFacts, PositionReservation } from '../orders/ports/position-ledger.port';
import { ONE_ACTIVE_POSITION_INDEX } from './entities/position.entity';
import { applyFillToPosition, closePositionIfFlat, openLegOf, positionUpdatedOf, reservePositionRow } from './ledger/position-ledger';
import { accountOfPosition, activePositionCount, legsOfActivePositions } from './ledger/position-reads';

/**
 * The orders module's `PositionLedger` port: the positions module's ledger functions, each run
 * through the caller's `manager` (its transaction) and handing back their own promise, so the
 * order path does exactly the queries it did when it called them directly.
 */
@Injectable()
export class PositionLedgerService implements PositionLedger {
  readonly oneActivePositionIndex = ONE_ACTIVE_POSITION_INDEX;

  reservePositionRow(manager: EntityManager, reservation: PositionReservation): Promise<number> {
    return reservePositionRow(manager, reservation);
  }

  closePositionIfFlat(manager: EntityManager, positionId: number, atMs: number, reason: string, orders: PositionOrderFacts): Promise<boolean> {
    return closePositionIfFlat(manager, positionId, atMs, reason, orders);
  }

  applyFillToPosition(manager: EntityManager, fill: PositionFill, nowMs: number, facts: PositionFillFacts): Promise<void> {
    return applyFillToPosition(manager, fill, nowMs, facts);
  }

  positionUpdatedOf(manager: EntityManager, positionId: number, nowMs: number): Promise<PositionUpdatedEvent | null> {
    return positionUpdatedOf(manager, positionId, nowMs);
  }

  openLegOf(manager: EntityManager, positionId: number, tradingSymbol: string): Promise<{ side: OrderSide; quantity: number } | null> {
    return openLegOf(manager, positionId, tradingSymbol);
  }

  accountOfPosition(manager: EntityManager, positionId: number): Promise<number | undefined> {
    return accountOfPosition(manager, positionId);
  }

  activePositionCount(manager: EntityManager, accountId: number): Promise<number> {
    return activePositionCount(manager, accountId);
  }

  legsOfActivePositions(manager: EntityManager, accountId: number): Promise<ActiveLeg[]> {
    return legsOfActivePositions(manager, accountId);
  }
}
