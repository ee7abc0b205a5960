import { Entity, Unique } from 'typeorm';
import { CodeColumn, DoubleColumn, IntColumn, JsonColumn, PaiseColumn, TextColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';
import type { StrategyType } from '@mcube/contracts';

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

  /** Σ net P&L (after charges) of the positions in the pattern, paise. */
  @PaiseColumn({ default: 0 })
  netPnlPaise!: number;

  /** Mean net P&L per position, paise (rounded). */
  @PaiseColumn({ default: 0 })
  avgNetPnlPaise!: number;

  @TextColumn({ nullable: true })
  insights!: string | null;
}
