import { Entity, Index } from 'typeorm';
import { CodeColumn, DoubleColumn, InstantColumn, IntColumn, JsonColumn, TextColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';
import type { StrategyType } from '../../strategies/entities/strategy-type';

/** OPEN until a person accepts (the parameter is changed through the audited settings path) or dismisses it. */
export type SuggestionStatus = 'OPEN' | 'ACCEPTED' | 'DISMISSED';

/**
 * A parameter change the learning loop proposes for one strategy configuration, with its
 * evidence (the pattern's and the strategy's statistics). Never applied by the loop itself.
 */
@Entity('learning_suggestions')
@Index('ix_learning_suggestions_config_status', ['strategyConfigId', 'status'])
export class LearningSuggestion extends TimestampedRow {
  @IntColumn()
  strategyConfigId!: number;

  @IntColumn()
  accountId!: number;

  @CodeColumn({ length: 40 })
  strategyType!: StrategyType;

  @VarcharColumn(100)
  patternName!: string;

  @VarcharColumn(60)
  parameter!: string;

  @DoubleColumn({ nullable: true })
  currentValue!: number | null;

  @DoubleColumn()
  suggestedValue!: number;

  @TextColumn()
  reason!: string;

  /** `{ pattern, baseline }` statistics when the suggestion was last refreshed. */
  @JsonColumn()
  evidence!: { pattern: object; baseline: object };

  @CodeColumn({ length: 10, default: 'OPEN' })
  status!: SuggestionStatus;

  @VarcharColumn(100, { nullable: true })
  decidedBy!: string | null;

  @InstantColumn({ nullable: true })
  decidedAt!: Date | null;
}
