import { Injectable } from '@nestjs/common';
import { istDateTimeOf, patternStatistics, weekStartOf, type PatternStats } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { StrategyLearning } from '../entities/strategy-learning.entity';
import type { StrategyType } from '../../strategies/entities/strategy-type';
import { LearningSettingsService } from './learning-settings.service';
import { LearningSuggestionsService } from './learning-suggestions.service';
import { PatternRecordsService } from './pattern-records.service';
import { WeeklyInsightService } from './weekly-insight.service';

/** What one pattern-learning run did. */
export interface PatternLearningRun {
  readonly recorded: number;
  readonly patterns: number;
  readonly openSuggestions: number;
  readonly insightSource: string;
}

/**
 * The learning loop after each close (run by the 16:30 `analytics.learning-update` job):
 * record the newly closed positions, recompute every pattern's statistics into its
 * StrategyLearning row (sample size included), refresh the suggestions, write the week's insight.
 */
@Injectable()
export class PatternLearningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: PatternRecordsService,
    private readonly suggestions: LearningSuggestionsService,
    private readonly settings: LearningSettingsService,
    private readonly insights: WeeklyInsightService,
  ) {}

  async run(nowMs: number): Promise<PatternLearningRun> {
    const recorded = await this.records.recordNew();
    const { patterns, baselines } = patternStatistics(await this.records.outcomes());
    await this.store(patterns);
    const open = (await this.suggestions.refresh(patterns, baselines)).filter((s) => s.status === 'OPEN');
    const sampled: PatternStats[] = [];
    for (const p of patterns) if (p.count >= (await this.settings.ruleOf(p.strategy as StrategyType)).minSamples) sampled.push(p);
    const insight = await this.insights.write({ weekStart: weekStartOf(istDateTimeOf(nowMs).date), baselines, patterns: sampled, openSuggestions: open });
    return { recorded, patterns: patterns.length, openSuggestions: open.length, insightSource: insight.source };
  }

  /** One StrategyLearning row per pattern, written only when its figures changed. */
  private store(patterns: readonly PatternStats[]): Promise<void> {
    return inTransaction(this.dataSource, async (m) => {
      for (const p of patterns) {
        const figures = {
          timesOccurred: p.count,
          timesProfitable: p.wins,
          winRate: p.winRateFraction,
          profitFactor: p.profitFactor ?? 0,
          netPnlPaise: p.netPnlPaise,
          avgNetPnlPaise: p.avgNetPnlPaise,
          insights: `Sample size ${p.count}; profit factor ${p.profitFactor === null ? 'undefined (no losing position)' : p.profitFactor.toFixed(2)}; net of charges.`,
        };
        const strategyType = p.strategy as StrategyType;
        const existing = await m.findOne(StrategyLearning, { where: { strategyType, patternName: p.pattern } });
        if (!existing) {
          await m.insert(StrategyLearning, { strategyType, patternName: p.pattern, patternDescription: `Closed positions entered with ${Object.entries(p.conditions).map(([k, v]) => `${k} ${v}`).join(' and ')}.`, entryConditions: {}, marketConditions: { ...p.conditions }, avgProfitPct: 0, avgLossPct: 0, ...figures });
          continue;
        }
        if ((Object.keys(figures) as (keyof typeof figures)[]).some((k) => existing[k] !== figures[k])) await m.update(StrategyLearning, existing.id, figures);
      }
    });
  }
}
