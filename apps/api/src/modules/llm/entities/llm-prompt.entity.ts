import { Entity, Unique } from 'typeorm';
import { BoolColumn, IntColumn, TextColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/** A versioned prompt template for the local LLM; a validation names the version it used. */
@Entity('llm_prompts')
@Unique('uq_llm_prompts_name_version', ['name', 'version'])
export class LlmPrompt extends TimestampedRow {
  @VarcharColumn(100)
  name!: string;

  @IntColumn()
  version!: number;

  @TextColumn()
  template!: string;

  @TextColumn({ nullable: true })
  description!: string | null;

  @BoolColumn({ default: true })
  isActive!: boolean;
}
