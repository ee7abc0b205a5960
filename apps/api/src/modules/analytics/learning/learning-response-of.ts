import type { LearningSuggestionResponse, PatternStatsResponse } from '@mcube/contracts';
import type { StrategyLearning } from '../entities/strategy-learning.entity';
import type { LearningSuggestion } from '../entities/learning-suggestion.entity';

export function patternResponseOf(r: StrategyLearning): PatternStatsResponse {
  return {
    strategyType: r.strategyType,
    pattern: r.patternName,
    conditions: r.marketConditions as Record<string, string>,
    count: r.timesOccurred,
    wins: r.timesProfitable,
    winRateFraction: r.winRate,
    // Stored as 0 when undefined (no loss): said so in `insights`; null here again.
    profitFactor: r.timesProfitable === r.timesOccurred && r.profitFactor === 0 ? null : r.profitFactor,
    netPnlPaise: r.netPnlPaise,
    avgNetPnlPaise: r.avgNetPnlPaise,
  };
}

export function suggestionResponseOf(s: LearningSuggestion): LearningSuggestionResponse {
  return {
    id: s.id,
    strategyConfigId: s.strategyConfigId,
    accountId: s.accountId,
    strategyType: s.strategyType,
    pattern: s.patternName,
    parameter: s.parameter,
    currentValue: s.currentValue,
    suggestedValue: s.suggestedValue,
    reason: s.reason,
    evidence: s.evidence as unknown as LearningSuggestionResponse['evidence'],
    status: s.status,
    decidedBy: s.decidedBy,
    decidedAt: s.decidedAt ? s.decidedAt.toISOString() : null,
  };
}
