import { Entity, Unique } from 'typeorm';
import { CodeColumn, DoubleColumn, IntColumn, TimestampedRow } from '../../../database/columns';
import type { StrategyType } from '../../strategies/entities/strategy-type';

/** When a pattern may suggest a change, per strategy (absent row: `DEFAULT_SUGGESTION_RULE`). Changed only through the audited settings route. */
@Entity('learning_settings')
@Unique('uq_learning_settings_strategy', ['strategyType'])
export class LearningSetting extends TimestampedRow {
  @CodeColumn({ length: 40 })
  strategyType!: StrategyType;

  /** Fewest closed positions a pattern needs before it suggests anything. */
  @IntColumn()
  minSamples!: number;

  /** Win-rate gap below the strategy's, 0..1. */
  @DoubleColumn()
  minWinRateGapFraction!: number;
}
