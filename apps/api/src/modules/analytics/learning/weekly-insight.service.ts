import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LlmPort } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { WeeklyInsight, type InsightSource } from '../entities/weekly-insight.entity';
import { insightPrompt, rulesInsight, type InsightFacts } from './weekly-insight-text';

/** The language model of the weekly insight; null when none is configured (the rules summary is written). */
export const INSIGHT_LLM = Symbol('INSIGHT_LLM');

/**
 * The weekly insight: the model's summary of the week's statistics when a model is configured
 * and answers, else (or when it fails) the rules summary. One row per ISO week, rewritten.
 */
@Injectable()
export class WeeklyInsightService {
  private readonly log = new Logger(WeeklyInsightService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(INSIGHT_LLM) private readonly llm: LlmPort | null,
  ) {}

  async write(facts: InsightFacts): Promise<WeeklyInsight> {
    const { text, source, model } = await this.compose(facts);
    return inTransaction(this.dataSource, async (m) => {
      const row = await m.findOne(WeeklyInsight, { where: { weekStart: facts.weekStart } });
      if (row) await m.update(WeeklyInsight, row.id, { text, source, model });
      else await m.insert(WeeklyInsight, { weekStart: facts.weekStart, text, source, model });
      return m.findOneByOrFail(WeeklyInsight, { weekStart: facts.weekStart });
    });
  }

  async latest(): Promise<WeeklyInsight | null> {
    return this.dataSource.getRepository(WeeklyInsight).findOne({ where: {}, order: { weekStart: 'DESC' } });
  }

  private async compose(facts: InsightFacts): Promise<{ text: string; source: InsightSource; model: string | null }> {
    if (this.llm) {
      try {
        // No timeout here: the model's configured one (MCUBE_LLM_TIMEOUT_MS) applies.
        const answer = await this.llm.generate({ prompt: insightPrompt(facts), temperature: 0, maxTokens: 400 });
        const text = answer.text.trim();
        if (text.length > 0) return { text: text.slice(0, 4000), source: 'LLM', model: answer.model.slice(0, 100) };
      } catch (err) {
        this.log.warn(`weekly insight: the model did not answer (${(err as Error).message}); writing the rules summary`);
      }
    }
    return { text: rulesInsight(facts), source: 'RULES', model: null };
  }
}
