import { Entity, ForeignKey, Index, Unique } from 'typeorm';
import { IntColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/**
 * A strategy's name for a position ("1-KS-2026-11-23-…", chosen when it decides to enter) and
 * the gateway's position id (the row its entry reserved). Stored, so exits, unwinds and the
 * journal still find the position after a restart.
 */
@Entity('strategy_position_links')
@Unique('uq_strategy_position_links_strategy_position', ['strategyPositionId'])
@Index('ix_strategy_position_links_position', ['positionId'])
export class StrategyPositionLink extends TimestampedRow {
  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'CASCADE' })
  accountId!: number;

  @VarcharColumn(80)
  strategyPositionId!: string;

  /** The gateway's position (plain id, as the decision journal keeps it). */
  @IntColumn()
  positionId!: number;
}
