/** The two strategies mCube runs. */
export const STRATEGY_TYPES = ['WEEKLY_NIFTY_STRANGLE', 'LLM_VALIDATED_FUTURES'] as const;
export type StrategyType = (typeof STRATEGY_TYPES)[number];

/** GET /api/strategy-configs item (and the answer of each change). */
export interface StrategyConfigResponse {
  id: number;
  accountId: number;
  strategyType: StrategyType;
  isActive: boolean;
  /** New entries paused by a person; exits keep running. */
  entriesPaused: boolean;
  version: number;
  parameters: Record<string, unknown>;
  updatedAt: string;
}

/** GET /api/strategy-configs/:id/history item: the fields one change touched. */
export interface StrategyConfigChangeResponse {
  id: number;
  at: string;
  actor: string;
  oldValue: Record<string, unknown> | null;
  newValue: Record<string, unknown> | null;
}
