import { Entity, ForeignKey, Unique } from 'typeorm';
import { CodeColumn, IntColumn, JsonColumn, TimestampedRow } from '../../../database/columns';
import type { StrategyType } from './strategy-type';

/**
 * The working state of one account's running strategy (an entry or a close in progress with
 * the orders it watches, the day of its last entry evaluation; for the ICICI futures also the
 * screen slots, averaging requests and overnight alert of the day), saved before any order of an
 * entry is sent and on every change: a restart resumes it instead of forgetting it.
 */
@Entity('strategy_runtime_states')
@Unique('uq_strategy_runtime_states_account_strategy', ['accountId', 'strategyType'])
export class StrategyRuntimeState extends TimestampedRow {
  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'CASCADE' })
  accountId!: number;

  @CodeColumn({ length: 40 })
  strategyType!: StrategyType;

  /** The strategy's own snapshot (plain JSON, versioned by the strategy). */
  @JsonColumn()
  state!: Record<string, unknown>;
}
