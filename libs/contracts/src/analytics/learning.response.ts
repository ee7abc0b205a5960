/** One pattern's statistics (GET /api/analytics/learning). `count` is the sample size; money in paise. */
export interface PatternStatsResponse {
  readonly strategyType: string;
  readonly pattern: string;
  readonly conditions: Readonly<Record<string, string>>;
  readonly count: number;
  readonly wins: number;
  readonly winRateFraction: number;
  readonly profitFactor: number | null;
  readonly netPnlPaise: number;
  readonly avgNetPnlPaise: number;
}

/** A proposed parameter change with its evidence; applied only when a person accepts it. */
export interface LearningSuggestionResponse {
  readonly id: number;
  readonly strategyConfigId: number;
  readonly accountId: number;
  readonly strategyType: string;
  readonly pattern: string;
  readonly parameter: string;
  readonly currentValue: number | null;
  readonly suggestedValue: number;
  readonly reason: string;
  readonly evidence: { readonly pattern: PatternStatsEvidence; readonly baseline: PatternStatsEvidence };
  readonly status: 'OPEN' | 'ACCEPTED' | 'DISMISSED';
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

/** The statistics a suggestion was made on. */
export interface PatternStatsEvidence {
  readonly pattern: string;
  readonly count: number;
  readonly wins: number;
  readonly winRateFraction: number;
  readonly avgNetPnlPaise: number;
  readonly netPnlPaise: number;
  readonly profitFactor: number | null;
}

/** When a pattern may suggest a change (per strategy; `stored` false = the defaults). */
export interface LearningRuleResponse {
  readonly strategyType: string;
  readonly stored: boolean;
  readonly minSamples: number;
  readonly minWinRateGapFraction: number;
}

/** GET /api/analytics/learning: what the learning loop knows. */
export interface LearningResponse {
  readonly rules: readonly LearningRuleResponse[];
  readonly patterns: readonly PatternStatsResponse[];
  readonly suggestions: readonly LearningSuggestionResponse[];
  readonly insight: { readonly weekStart: string; readonly source: 'LLM' | 'RULES'; readonly model: string | null; readonly text: string } | null;
}
