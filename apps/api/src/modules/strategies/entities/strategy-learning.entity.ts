import { Entity, Unique } from 'typeorm';
import { CodeColumn, DoubleColumn, IntColumn, JsonColumn, TextColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';
import type { StrategyType } from './strategy-type';

/** How a named entry pattern has performed so far (plan §9 `StrategyLearning`). */
@Entity('strategy_learnings')
@Unique('uq_strategy_learnings_strategy_pattern', ['strategyType', 'patternName'])
export class StrategyLearning extends TimestampedRow {
  @CodeColumn({ length: 40 })
  strategyType!: StrategyType;

  @VarcharColumn(100)
  patternName!: string;

  @TextColumn()
  patternDescription!: string;

  @JsonColumn()
  entryConditions!: Record<string, unknown>;

  @JsonColumn()
  marketConditions!: Record<string, unknown>;

  @IntColumn({ default: 0 })
  timesOccurred!: number;

  @IntColumn({ default: 0 })
  timesProfitable!: number;

  /** Percent (1.5 = 1.5%). */
  @DoubleColumn({ default: 0 })
  avgProfitPct!: number;

  /** Percent (1.5 = 1.5%). */
  @DoubleColumn({ default: 0 })
  avgLossPct!: number;

  /** Fraction of occurrences that were profitable, 0..1. */
  @DoubleColumn({ default: 0 })
  winRate!: number;

  @DoubleColumn({ default: 0 })
  profitFactor!: number;

  @TextColumn({ nullable: true })
  insights!: string | null;
}
