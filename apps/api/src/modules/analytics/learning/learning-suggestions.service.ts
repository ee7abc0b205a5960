import { Injectable } from '@nestjs/common';
import { ICICI_FUTURES_DEFAULTS, KOTAK_STRANGLE_DEFAULTS, patternSuggestions, STRANGLE_FILTER_DEFAULTS, type PatternStats } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { currentRequestContext } from '../../../common/request-context/request-context';
import { inTransaction } from '../../../database/in-transaction';
import { AuditService } from '../../core/audit/audit.service';
import type { StrategyType } from '../../strategies/entities/strategy-type';
import { StrategyParametersService } from '../../strategies/parameters/strategy-parameters.service';
import { LearningSuggestion } from '../entities/learning-suggestion.entity';
import { LearningSettingsService } from './learning-settings.service';

/** What a parameter is when the stored configuration does not name it (the domain defaults the strategy runs with). */
const DEFAULTS: Record<StrategyType, Record<string, unknown>> = {
  WEEKLY_NIFTY_STRANGLE: { ...KOTAK_STRANGLE_DEFAULTS, ...STRANGLE_FILTER_DEFAULTS },
  LLM_VALIDATED_FUTURES: { ...ICICI_FUTURES_DEFAULTS },
};

/**
 * Suggestions of the learning loop: refreshed after each learning run (never applied by it);
 * a person accepts one, which changes the strategy's parameter through the strategies
 * module's audited update (`StrategyParametersService.update`), or dismisses it.
 */
@Injectable()
export class LearningSuggestionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: LearningSettingsService,
    private readonly parameters: StrategyParametersService,
    private readonly audit: AuditService,
  ) {}

  /**
   * For every strategy configuration: the suggestions its patterns qualify for now. An OPEN one
   * is refreshed (values, evidence); one no longer qualifying is removed while still OPEN; a
   * dismissed one with the same change is not proposed again.
   */
  async refresh(patterns: readonly PatternStats[], baselines: readonly PatternStats[]): Promise<LearningSuggestion[]> {
    const configs = await this.parameters.list();
    for (const config of configs) {
      const rule = await this.settings.ruleOf(config.strategyType);
      const merged = { ...DEFAULTS[config.strategyType], ...config.parameters };
      const wanted = patternSuggestions({
        patterns: patterns.filter((p) => p.strategy === config.strategyType),
        baselines,
        rule,
        currentOf: (_s, p) => (typeof merged[p] === 'number' ? (merged[p] as number) : null),
      });
      await inTransaction(this.dataSource, async (m) => {
        const existing = await m.find(LearningSuggestion, { where: { strategyConfigId: config.id } });
        const same = (s: LearningSuggestion, w: (typeof wanted)[number]) => s.patternName === w.pattern && s.parameter === w.parameter;
        for (const stale of existing.filter((s) => s.status === 'OPEN' && !wanted.some((w) => same(s, w)))) await m.delete(LearningSuggestion, stale.id);
        for (const w of wanted) {
          const values = { currentValue: w.currentValue, suggestedValue: w.suggestedValue, reason: w.reason, evidence: JSON.parse(JSON.stringify(w.evidence)) as LearningSuggestion['evidence'] };
          const open = existing.find((s) => s.status === 'OPEN' && same(s, w));
          if (open) {
            await m.update(LearningSuggestion, open.id, values);
            continue;
          }
          if (existing.some((s) => s.status === 'DISMISSED' && same(s, w) && s.suggestedValue === w.suggestedValue)) continue;
          await m.insert(LearningSuggestion, { strategyConfigId: config.id, accountId: config.accountId, strategyType: config.strategyType, patternName: w.pattern, parameter: w.parameter, status: 'OPEN', decidedBy: null, decidedAt: null, ...values });
        }
      });
    }
    return this.list();
  }

  /** Every suggestion, OPEN first, newest first. */
  async list(): Promise<LearningSuggestion[]> {
    const all = await this.dataSource.getRepository(LearningSuggestion).find({ order: { id: 'DESC' } });
    return [...all.filter((s) => s.status === 'OPEN'), ...all.filter((s) => s.status !== 'OPEN')];
  }

  /** Applies an OPEN suggestion through the audited parameter update, then marks it ACCEPTED (both audited). */
  async accept(id: number, nowMs: number): Promise<LearningSuggestion> {
    const s = await this.openOne(id);
    await this.parameters.update(s.strategyConfigId, { [s.parameter]: s.suggestedValue });
    return this.decide(s, 'ACCEPTED', nowMs);
  }

  async dismiss(id: number, nowMs: number): Promise<LearningSuggestion> {
    return this.decide(await this.openOne(id), 'DISMISSED', nowMs);
  }

  private async decide(s: LearningSuggestion, status: 'ACCEPTED' | 'DISMISSED', nowMs: number): Promise<LearningSuggestion> {
    const decidedBy = currentRequestContext()?.principal?.username ?? 'system';
    await inTransaction(this.dataSource, async (m) => {
      await m.update(LearningSuggestion, s.id, { status, decidedBy, decidedAt: new Date(nowMs) });
      await this.audit.record(
        { action: `learning-suggestion.${status === 'ACCEPTED' ? 'accept' : 'dismiss'}`, entity: 'learning_suggestions', entityId: String(s.id), newValue: { strategyConfigId: s.strategyConfigId, pattern: s.patternName, parameter: s.parameter, suggestedValue: s.suggestedValue } },
        m,
      );
    });
    return this.dataSource.getRepository(LearningSuggestion).findOneByOrFail({ id: s.id });
  }

  private async openOne(id: number): Promise<LearningSuggestion> {
    const s = await this.dataSource.getRepository(LearningSuggestion).findOne({ where: { id } });
    if (!s) throw new AppException('NOT_FOUND', `No suggestion ${id}`);
    if (s.status !== 'OPEN') throw new AppException('CONFLICT', `Suggestion ${id} is already ${s.status}`);
    return s;
  }
}
