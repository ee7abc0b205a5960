import type { IsoDate, PriceSource } from '@mcube/domain';
import type { DecisionRow } from './decision-row';

/** One leg of a trade. Prices rupees; quantity units. */
export interface TradeLegRow {
  /** 'NIFTY-2019-01-31-11000-CE' */
  readonly instrument: string;
  /** The side that opened the leg (SELL for a short strangle leg). */
  readonly side: 'BUY' | 'SELL';
  readonly quantity: number;
  /** Average price of the opening fills (rounded to the paisa per fill, as the positions table keeps it). */
  readonly entryPrice: number;
  /** Average price of the closing fills. */
  readonly exitPrice: number | null;
  /** REAL only when every fill of the leg had a real price; else MODELLED. */
  readonly priceSource: PriceSource;
  readonly fills: readonly { readonly at: string; readonly side: 'BUY' | 'SELL'; readonly quantity: number; readonly price: number; readonly chargesPaise: number; readonly priceSource: PriceSource }[];
}

/** One closed position. Times IST 'YYYY-MM-DDTHH:MM'. */
export interface TradeRow {
  readonly positionId: string;
  readonly entryAt: string;
  readonly exitAt: string;
  readonly expiry: IsoDate;
  readonly legs: readonly TradeLegRow[];
  readonly grossPnlPaise: number;
  readonly chargesPaise: number;
  readonly netPnlPaise: number;
  readonly exitReason: string;
  /** Market at the entry decision, for the evidence report. */
  readonly entrySpot: number | null;
  readonly entryVix: number | null;
}

/** The figures of a run. Money paise; `…Pct` percent (12.5 = 12.5%); `winRate` a fraction 0..1. */
export interface ReportSummary {
  readonly trades: number;
  readonly winRate: number;
  readonly profitFactor: number | null;
  readonly netPnlPaise: number;
  readonly grossPnlPaise: number;
  readonly chargesPaise: number;
  readonly maxDrawdownPaise: number;
  readonly maxDrawdownPct: number;
  readonly worstWeekPaise: number;
  readonly bestMonthPaise: number;
  readonly worstMonthPaise: number;
  readonly sharpe: number | null;
  readonly sortino: number | null;
  readonly monthly: readonly { readonly month: string; readonly netPnlPaise: number; readonly targetPaise: number }[];
  /** Equity at the end (capital + every net P&L + the open position at the last close). */
  readonly endEquityPaise: number;
  readonly fills: { readonly real: number; readonly modelled: number };
  readonly exitReasons: Readonly<Record<string, number>>;
}

/** report.json. */
export interface BacktestReport {
  readonly version: { readonly engine: string; readonly schema: number };
  readonly strategy: string;
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
  readonly summary: ReportSummary;
  readonly trades: readonly TradeRow[];
  readonly decisions: readonly DecisionRow[];
  readonly risk: {
    readonly breakerEvents: readonly unknown[];
    readonly refusals: readonly { readonly date: string; readonly time: string; readonly positionId?: string; readonly purpose: string; readonly status: string; readonly code: string; readonly message: string }[];
    readonly anomalies: readonly string[];
    readonly tickErrors: readonly unknown[];
  };
  readonly parameters: { readonly strategy: Readonly<Record<string, unknown>>; readonly engine: Readonly<Record<string, unknown>> };
  readonly data: Readonly<Record<string, unknown>>;
  readonly equity: readonly { readonly date: IsoDate; readonly equityPaise: number; readonly drawdownPaise: number }[];
  readonly definitions: Readonly<Record<string, string>>;
}
