import { Entity, ForeignKey, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  BoolColumn,
  CodeColumn,
  DoubleColumn,
  InstantColumn,
  IntColumn,
  JsonColumn,
  TextColumn,
  TimestampedRow,
  VarcharColumn,
} from '../../../database/columns';
import { LlmPrompt } from './llm-prompt.entity';

/** Where an LLM validation stands. */
export type LlmValidationStatus = 'PENDING' | 'COMPLETED' | 'FAILED' | 'TIMED_OUT';

/**
 * One LLM validation of a futures trade idea (plan §6): the inputs, the model's verdict and
 * confidence, and the human approval that every ICICI entry needs.
 */
@Entity('llm_validations')
@Index('ix_llm_validations_account_requested', ['accountId', 'requestedAt'])
export class LlmValidation extends TimestampedRow {
  @IntColumn({ nullable: true })
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'SET NULL' })
  accountId!: number | null;

  @IntColumn({ nullable: true })
  promptId!: number | null;

  @ManyToOne(() => LlmPrompt, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'prompt_id' })
  prompt?: LlmPrompt | null;

  @CodeColumn({ length: 40 })
  strategyType!: string;

  @VarcharColumn(60)
  symbol!: string;

  @CodeColumn({ length: 10 })
  direction!: 'LONG' | 'SHORT';

  @VarcharColumn(100)
  model!: string;

  @CodeColumn({ length: 10, default: 'PENDING' })
  status!: LlmValidationStatus;

  /** The inputs sent (screen scores, OI analysis, sector, news digest…). */
  @JsonColumn()
  inputs!: Record<string, unknown>;

  @TextColumn({ nullable: true })
  responseText!: string | null;

  @BoolColumn({ nullable: true })
  approved!: boolean | null;

  /** 0..1; entries need at least the configured minimum (0.70). */
  @DoubleColumn({ nullable: true })
  confidence!: number | null;

  @TextColumn({ nullable: true })
  reasoning!: string | null;

  @IntColumn({ nullable: true })
  latencyMs!: number | null;

  @TextColumn({ nullable: true })
  errorMessage!: string | null;

  @InstantColumn()
  requestedAt!: Date;

  @InstantColumn({ nullable: true })
  completedAt!: Date | null;

  /** The person's decision on the idea (required on ICICI). */
  @CodeColumn({ length: 10, nullable: true })
  humanDecision!: 'APPROVED' | 'REJECTED' | null;

  @VarcharColumn(100, { nullable: true })
  decidedBy!: string | null;

  @InstantColumn({ nullable: true })
  decidedAt!: Date | null;
}
