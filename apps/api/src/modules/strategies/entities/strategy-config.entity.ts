import { Entity, ForeignKey, Unique, VersionColumn } from 'typeorm';
import { BoolColumn, CodeColumn, IntColumn, JsonColumn, TimestampedRow } from '../../../database/columns';
import type { StrategyType } from './strategy-type';

/**
 * The parameters of one strategy on one account (plan §3 `strategy_parameters`, as amended
 * by DECISIONS.md). `parameters` is validated by the strategies module before it is saved;
 * `version` increments on every save so a decision can name the parameters it used.
 */
@Entity('strategy_configs')
@Unique('uq_strategy_configs_account_strategy', ['accountId', 'strategyType'])
export class StrategyConfig extends TimestampedRow {
  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'CASCADE' })
  accountId!: number;

  @CodeColumn({ length: 40 })
  strategyType!: StrategyType;

  @BoolColumn({ default: true })
  isActive!: boolean;

  /** A person paused new entries: the strategy still monitors and exits what it holds. */
  @BoolColumn({ default: false })
  entriesPaused!: boolean;

  @JsonColumn()
  parameters!: Record<string, unknown>;

  @VersionColumn()
  version!: number;

  /** Schema version of `parameters`, so old rows can be migrated by code. */
  @IntColumn({ default: 1 })
  parametersSchemaVersion!: number;
}
