import { Injectable } from '@nestjs/common';
import type { SuggestionRule } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { AuditService } from '../../core/audit/audit.service';
import type { StrategyType } from '../../strategies/entities/strategy-type';
import { LearningSetting } from '../entities/learning-setting.entity';

/** Until a person stores another: 10 closed positions and a win rate 25 points below the strategy's. */
export const DEFAULT_SUGGESTION_RULE: SuggestionRule = { minSamples: 10, minWinRateGapFraction: 0.25 };

/** The stored suggestion rule of each strategy; changes audited with old and new values. */
@Injectable()
export class LearningSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async ruleOf(strategyType: StrategyType): Promise<SuggestionRule & { strategyType: StrategyType; stored: boolean }> {
    const row = await this.dataSource.getRepository(LearningSetting).findOne({ where: { strategyType } });
    return row ? { strategyType, stored: true, minSamples: row.minSamples, minWinRateGapFraction: row.minWinRateGapFraction } : { strategyType, stored: false, ...DEFAULT_SUGGESTION_RULE };
  }

  async update(strategyType: StrategyType, rule: SuggestionRule): Promise<SuggestionRule & { strategyType: StrategyType; stored: boolean }> {
    const before = await this.ruleOf(strategyType);
    await inTransaction(this.dataSource, async (m) => {
      const row = await m.findOne(LearningSetting, { where: { strategyType } });
      if (row) await m.update(LearningSetting, row.id, rule);
      else await m.insert(LearningSetting, { strategyType, ...rule });
      await this.audit.record(
        { action: 'learning-settings.update', entity: 'learning_settings', entityId: strategyType, oldValue: { minSamples: before.minSamples, minWinRateGapFraction: before.minWinRateGapFraction }, newValue: { ...rule } },
        m,
      );
    });
    return this.ruleOf(strategyType);
  }
}
