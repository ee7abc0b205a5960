import type { PositionListItemResponse } from '@mcube/contracts';
import { positionExitDisplay } from '@mcube/domain';
import { instantJson, instantJsonOrNull } from '../../common/contracts/instant-json';
import type { Position } from './entities/position.entity';
import { positionExitOf } from './position-exit-of';

/** A stored position as GET /api/positions lists it: the row, its display `state` (EXITING while an exit is requested) and `exit`. */
export function positionListItemOf(p: Position): PositionListItemResponse {
  return {
    id: p.id,
    accountId: p.accountId,
    strategyType: p.strategyType,
    status: p.status,
    direction: p.direction,
    underlying: p.underlying,
    expiryDate: p.expiryDate,
    quantity: p.quantity,
    entryPricePaise: p.entryPricePaise,
    stopLossPricePaise: p.stopLossPricePaise,
    targetPricePaise: p.targetPricePaise,
    callStrike: p.callStrike,
    putStrike: p.putStrike,
    premiumCollectedPaise: p.premiumCollectedPaise,
    marginUsedPaise: p.marginUsedPaise,
    entryValuePaise: p.entryValuePaise,
    realizedPnlPaise: p.realizedPnlPaise,
    unrealizedPnlPaise: p.unrealizedPnlPaise,
    currentDelta: p.currentDelta,
    averagingCount: p.averagingCount,
    partialBooked: p.partialBooked,
    openedAt: instantJson(p.openedAt),
    closedAt: instantJsonOrNull(p.closedAt),
    exitReason: p.exitReason,
    exitRequestedAt: instantJsonOrNull(p.exitRequestedAt),
    exitOwner: p.exitOwner,
    version: p.version,
    createdAt: instantJson(p.createdAt),
    updatedAt: instantJson(p.updatedAt),
    state: positionExitDisplay(p.status, p.exitRequestedAt !== null),
    exit: positionExitOf(p),
  };
}
