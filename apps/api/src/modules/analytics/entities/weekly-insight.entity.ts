import { Entity, Unique } from 'typeorm';
import { CodeColumn, IstDateColumn, TextColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/** Who wrote an insight: the language model, or the plain rules summary. */
export type InsightSource = 'LLM' | 'RULES';

/** The learning loop's insight of one ISO week (rewritten by each learning run of that week). */
@Entity('weekly_insights')
@Unique('uq_weekly_insights_week', ['weekStart'])
export class WeeklyInsight extends TimestampedRow {
  /** Monday of the week, IST date. */
  @IstDateColumn()
  weekStart!: string;

  @CodeColumn({ length: 10 })
  source!: InsightSource;

  /** The model's name when `source` is LLM. */
  @VarcharColumn(100, { nullable: true })
  model!: string | null;

  @TextColumn()
  text!: string;
}
