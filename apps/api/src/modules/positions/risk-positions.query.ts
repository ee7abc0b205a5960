import { Injectable } from '@nestjs/common';
import { unrealizedPnlOf, type EntryLegShape } from '@mcube/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { ActivePositionFacts, RiskPositions } from '../risk/ports/risk-positions.port';
import { PositionLeg } from './entities/position-leg.entity';
import { Position } from './entities/position.entity';
import { legStateOf } from './position-state';

/** Reads (and the breaker's mark) of the positions tables for the risk module: its `RiskPositions` port. */
@Injectable()
export class RiskPositionsQuery implements RiskPositions {
  constructor(private readonly dataSource: DataSource) {}

  activeOf(accountId: number, manager: EntityManager = this.dataSource.manager): Promise<ActivePositionFacts | null> {
    return manager.findOne(Position, { where: { accountId, status: 'ACTIVE' } });
  }

  async openLegShapes(positionId: number, manager: EntityManager = this.dataSource.manager): Promise<EntryLegShape[]> {
    const legs = await manager.find(PositionLeg, { where: { positionId, status: 'OPEN' }, order: { id: 'ASC' } });
    return legs
      .filter((l) => l.quantity > 0)
      .map((l) => ({
        instrument: l.instrumentType === 'FUT' ? { underlying: l.underlying, kind: 'FUT', expiry: l.expiryDate } : { underlying: l.underlying, kind: 'OPT', expiry: l.expiryDate, strike: l.strike ?? undefined, optionType: l.instrumentType },
        side: l.side,
        quantity: l.quantity,
      }));
  }

  async markActive(accountId: number): Promise<ActivePositionFacts | null> {
    const position = await this.dataSource.getRepository(Position).findOne({ where: { accountId, status: 'ACTIVE' } });
    if (!position) return null;
    const legs = await this.dataSource.getRepository(PositionLeg).find({ where: { positionId: position.id } });
    const unrealized = unrealizedPnlOf(legs.map((l) => legStateOf(l)));
    position.unrealizedPnlPaise = unrealized;
    await this.dataSource.getRepository(Position).update(position.id, { unrealizedPnlPaise: unrealized });
    return position;
  }
}
