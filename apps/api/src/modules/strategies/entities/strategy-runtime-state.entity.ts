import { Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CodeColumn, IntColumn, JsonColumn, TimestampedRow } from '../../../database/columns';
import { BrokerAccount } from '../../accounts/entities/broker-account.entity';
import type { StrategyType } from './strategy-type';

/**
 * The working state of one account's running strategy (an entry or a close in progress with
 * the orders it watches, the day of its last entry evaluation), saved before any order of an
 * entry is sent and on every change: a restart resumes it instead of forgetting it.
 */
@Entity('strategy_runtime_states')
@Unique('uq_strategy_runtime_states_account_strategy', ['accountId', 'strategyType'])
export class StrategyRuntimeState extends TimestampedRow {
  @IntColumn()
  accountId!: number;

  @ManyToOne(() => BrokerAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: BrokerAccount;

  @CodeColumn({ length: 40 })
  strategyType!: StrategyType;

  /** The strategy's own snapshot (plain JSON, versioned by the strategy). */
  @JsonColumn()
  state!: Record<string, unknown>;
}
