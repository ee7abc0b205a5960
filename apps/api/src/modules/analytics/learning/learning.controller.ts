import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LearningResponse, LearningRuleResponse, LearningSuggestionResponse } from '@mcube/contracts';
import type { Clock } from '@mcube/domain';
import { DataSource, Not } from 'typeorm';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { StrategyLearning } from '../entities/strategy-learning.entity';
import { STRATEGY_TYPES, StrategyTypePipe, UpdateLearningRuleDto } from './dto/update-learning-rule.dto';
import type { StrategyType } from '../../strategies/entities/strategy-type';
import { patternResponseOf, suggestionResponseOf } from './learning-response-of';
import { LearningSettingsService } from './learning-settings.service';
import { LearningSuggestionsService } from './learning-suggestions.service';
import { ALL_CLOSED_PATTERN } from './learning-update.service';
import { WeeklyInsightService } from './weekly-insight.service';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** The learning loop (reads: any role; accepting, dismissing and the rules: trader or admin, audited). */
@ApiTags('analytics')
@Controller('analytics/learning')
export class LearningController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: LearningSettingsService,
    private readonly suggestions: LearningSuggestionsService,
    private readonly insights: WeeklyInsightService,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async get(): Promise<LearningResponse> {
    const rows = await this.dataSource.getRepository(StrategyLearning).find({ where: { patternName: Not(ALL_CLOSED_PATTERN) }, order: { strategyType: 'ASC', patternName: 'ASC' } });
    const insight = await this.insights.latest();
    return {
      rules: await Promise.all(STRATEGY_TYPES.map((t) => this.settings.ruleOf(t))),
      patterns: rows.map(patternResponseOf),
      suggestions: (await this.suggestions.list()).map(suggestionResponseOf),
      insight: insight ? { weekStart: insight.weekStart, source: insight.source, model: insight.model, text: insight.text } : null,
    };
  }

  /** Changes the strategy's parameter through its audited update, then marks the suggestion ACCEPTED. */
  @Post('suggestions/:id/accept')
  @HttpCode(200)
  async accept(@Param('id', IdParamPipe) id: number): Promise<LearningSuggestionResponse> {
    return suggestionResponseOf(await this.suggestions.accept(id, this.clock.nowMs()));
  }

  @Post('suggestions/:id/dismiss')
  @HttpCode(200)
  async dismiss(@Param('id', IdParamPipe) id: number): Promise<LearningSuggestionResponse> {
    return suggestionResponseOf(await this.suggestions.dismiss(id, this.clock.nowMs()));
  }

  @Put('rules/:strategyType')
  update(@Param('strategyType', StrategyTypePipe) strategyType: StrategyType, @Body() body: UpdateLearningRuleDto): Promise<LearningRuleResponse> {
    return this.settings.update(strategyType, { minSamples: body.minSamples, minWinRateGapFraction: body.minWinRateGapFraction });
  }
}
