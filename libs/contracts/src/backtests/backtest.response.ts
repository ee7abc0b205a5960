/**
 * The backtests REST shapes (`/api/backtests`). The report mirrors `report.json` of
 * `@mcube/backtest` (libs/backtest/README.md): money integer paise, prices rupees, times IST.
 */

/** Where a run's market data comes from: the shared history folder or the seeded simulator. */
export type BacktestDataSource = 'SHARED' | 'SIMULATOR';

/** A run's life: queued as a job, running in a child process, then done or failed. */
export type BacktestStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

/** The strategies the engine can run. */
export const BACKTEST_STRATEGIES = ['kotak-strangle'] as const;
export type BacktestStrategyName = (typeof BACKTEST_STRATEGIES)[number];

/** `POST /api/backtests` body. `params`: `key=value` overrides as the CLI's `--param` (strangle, `risk.*`, `engine.*`). */
export interface CreateBacktestRequest {
  strategy: BacktestStrategyName;
  /** IST dates `YYYY-MM-DD`. */
  from: string;
  to: string;
  params?: Record<string, string | number | boolean>;
  dataSource: BacktestDataSource;
  /** The simulator's seed (dataSource SIMULATOR only). */
  seed?: number;
}

/** The headline figures of a run (the report's summary without its monthly rows). */
export interface BacktestSummaryResponse {
  trades: number;
  winRate: number;
  profitFactor: number | null;
  netPnlPaise: number;
  grossPnlPaise: number;
  chargesPaise: number;
  maxDrawdownPaise: number;
  maxDrawdownPct: number;
  worstWeekPaise: number;
  bestMonthPaise: number;
  worstMonthPaise: number;
  sharpe: number | null;
  sortino: number | null;
  monthly: { month: string; netPnlPaise: number; targetPaise: number }[];
  endEquityPaise: number;
  fills: { real: number; modelled: number };
  exitReasons: Record<string, number>;
}

/** One run as listed (`GET /api/backtests`). */
export interface BacktestRunResponse {
  id: number;
  strategy: BacktestStrategyName;
  from: string;
  to: string;
  dataSource: BacktestDataSource;
  seed: number | null;
  params: Record<string, string>;
  status: BacktestStatus;
  /** 0..100. */
  progressPct: number;
  error: string | null;
  summary: BacktestSummaryResponse | null;
  createdBy: string;
  createdAtMs: number;
  finishedAtMs: number | null;
}

/** One leg of a backtest trade. */
export interface BacktestTradeLeg {
  /** The engine's contract key ('NIFTY-2026-12-08-26750-CE'). */
  instrument: string;
  /** The contract as a trader says it ('NIFTY 08 Dec 26750 CE'), added by the API (a stored report has only `instrument`). */
  name?: string;
  side: 'BUY' | 'SELL';
  quantity: number;
  entryPrice: number;
  exitPrice: number | null;
  priceSource: 'REAL' | 'MODELLED';
}

/** One closed position of a run; times IST `YYYY-MM-DDTHH:MM`. */
export interface BacktestTrade {
  positionId: string;
  entryAt: string;
  exitAt: string;
  expiry: string;
  legs: BacktestTradeLeg[];
  grossPnlPaise: number;
  chargesPaise: number;
  netPnlPaise: number;
  exitReason: string;
  entrySpot: number | null;
  entryVix: number | null;
}

/** One decision of a run. */
export interface BacktestDecision {
  date: string;
  time: string;
  kind: string;
  decision: string;
  reasonCode: string;
  message: string;
  positionId?: string;
  inputs: Record<string, unknown>;
}

/** The stored report (report.json). */
export interface BacktestReportResponse {
  version: { engine: string; schema: number };
  strategy: string;
  period: { from: string; to: string };
  summary: BacktestSummaryResponse;
  trades: BacktestTrade[];
  decisions: BacktestDecision[];
  risk: Record<string, unknown>;
  parameters: { strategy: Record<string, unknown>; engine: Record<string, unknown> };
  data: Record<string, unknown>;
  equity: { date: string; equityPaise: number; drawdownPaise: number }[];
  definitions: Record<string, string>;
}

/** `GET /api/backtests/:id`: the run and, once completed, its report and its trades as the analytics report (equity, drawdown, heat map, breakdowns). */
export interface BacktestDetailResponse extends BacktestRunResponse {
  report: BacktestReportResponse | null;
  analytics: import('../analytics/analytics-report.response').AnalyticsReport | null;
}

/** Why paper and backtest differ on one point (libs/backtest drift core). */
export type DriftCauseCode = 'FILL_PRICE' | 'TIMING' | 'MISSING_DATA' | 'DECISION' | 'STRIKES' | 'SIZING' | 'EXIT';

/** A trade as the drift report compares it. */
export interface DriftTrade {
  positionId?: string;
  entryAt: string;
  exitAt: string;
  legs: { instrument: string; side: 'BUY' | 'SELL'; quantity: number; entryPrice: number; exitPrice: number | null }[];
  netPnlPaise: number;
  chargesPaise?: number;
  exitReason: string;
}

/** `GET /api/backtests/drift`: the account's paper trades of [from, to] against a completed run over the same days. */
export interface DriftReportResponse {
  accountId: number;
  runId: number;
  from: string;
  to: string;
  /** What market data both sides traded on, as far as the API knows it. */
  marketData: string;
  rows: {
    entryDate: string;
    paper: DriftTrade | null;
    backtest: DriftTrade | null;
    netDifferencePaise: number;
    differences: { field: string; paper: unknown; backtest: unknown; cause: DriftCauseCode; explanation: string; pnlEffectPaise?: number }[];
  }[];
  paperNetPaise: number;
  backtestNetPaise: number;
  byCause: Partial<Record<DriftCauseCode, number>>;
  matched: number;
  paperOnly: number;
  backtestOnly: number;
}
