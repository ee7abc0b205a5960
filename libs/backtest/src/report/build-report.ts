import { istDateTimeOf, type PriceSource } from '@mcube/domain';
import type { BacktestRun } from '../engine/backtest-engine';
import { usCuesOn } from '../market/us-cues';
import { BACKTEST_VERSION } from '../version';
import { maxDrawdown, monthOf, periodChanges, riskAdjusted, tradeStats, weekOf, type EquityPoint } from './metrics';
import type { BacktestReport } from './report.types';
import { tradeRows } from './trade-rows';

const DEFINITIONS = {
  money: 'integer paise (₹1 = 100 paise); prices in rupees',
  times: 'IST; entryAt/exitAt YYYY-MM-DDTHH:MM',
  winRate: 'fraction 0..1 of closed trades with a positive net P&L',
  profitFactor: 'Σ net of winning trades ÷ |Σ net of losing trades| (null without a loss)',
  netPnlPaise: 'Σ trade nets: gross price P&L − every fill charge (dated cost model)',
  equity: 'allocated capital + net of every closed trade + open position at the close marks',
  maxDrawdown: 'largest fall of daily closing equity from its running peak (capital is the first peak); Pct = % of that peak',
  weeksAndMonths: 'change of daily closing equity over an ISO week (Monday on) / calendar month',
  sharpeSortino: 'daily equity returns, annualised ×√252, risk-free rate 0; Sortino uses the downside deviation',
  monthlyTarget: "the account's stored monthly profit target (risk limits), the level that pauses entries",
  priceSource: 'REAL = an exchange record known at that moment; MODELLED = Black-Scholes at India VIX with the stated skew',
};

/** The report of a run (see `BacktestReport`; money paise, times IST). Pure over the run. */
export function buildReport(run: BacktestRun): BacktestReport {
  const { input, book, journal } = run;
  const capital = input.params.capitalPaise;
  const decisions = journal.rows;
  const trades = tradeRows(book, run.exitReasons, decisions);
  const stats = tradeStats(trades);
  const points: EquityPoint[] = book.dayRows.map((r) => ({ date: r.tradeDate, equityPaise: r.equityPaise }));
  const dd = maxDrawdown(points, capital);
  const weeks = periodChanges(points, capital, weekOf);
  const months = periodChanges(points, capital, monthOf);
  const target = input.params.riskLimits.monthlyProfitTargetPaise;
  const fills = trades.flatMap((t) => t.legs.flatMap((l) => l.fills));
  const count = (source: PriceSource) => fills.filter((f) => f.priceSource === source).length;
  const exitReasons: Record<string, number> = {};
  for (const t of trades) exitReasons[t.exitReason] = (exitReasons[t.exitReason] ?? 0) + 1;
  let peak = capital;
  const equity = points.map((p) => {
    peak = Math.max(peak, p.equityPaise);
    return { date: p.date, equityPaise: p.equityPaise, drawdownPaise: peak - p.equityPaise };
  });
  return {
    version: BACKTEST_VERSION,
    strategy: run.strategy.name,
    period: { from: input.from, to: input.to },
    summary: {
      ...stats,
      maxDrawdownPaise: dd.maxDrawdownPaise,
      maxDrawdownPct: Math.round(dd.maxDrawdownPct * 1000) / 1000,
      worstWeekPaise: weeks.length > 0 ? Math.min(...weeks.map((w) => w.pnlPaise)) : 0,
      bestMonthPaise: months.length > 0 ? Math.max(...months.map((m) => m.pnlPaise)) : 0,
      worstMonthPaise: months.length > 0 ? Math.min(...months.map((m) => m.pnlPaise)) : 0,
      ...riskAdjusted(points, capital),
      monthly: months.map((m) => ({ month: m.key, netPnlPaise: m.pnlPaise, targetPaise: target })),
      endEquityPaise: points.length > 0 ? points[points.length - 1].equityPaise : capital,
      fills: { real: count('REAL'), modelled: count('MODELLED') },
      exitReasons,
    },
    trades,
    decisions,
    risk: {
      breakerEvents: run.breakers,
      refusals: run.refusals.map((r) => {
        const { date, time } = istDateTimeOf(r.atMs);
        return { date, time: time.slice(0, 5), positionId: r.positionId, purpose: r.purpose, status: r.status, code: r.code, message: r.message };
      }),
      anomalies: book.anomalies,
      tickErrors: run.tickErrors,
    },
    parameters: { strategy: run.strategy.parameters, engine: { ...input.params } },
    data: dataSection(run),
    equity,
    definitions: DEFINITIONS,
  };
}

function dataSection(run: BacktestRun): Record<string, unknown> {
  const { history, params } = run.input;
  const range = (s: { dates: readonly string[] } | null) => (s && s.dates.length > 0 ? { from: s.dates[0], to: s.dates[s.dates.length - 1] } : null);
  const days = run.days;
  const dowProxyDays = days.filter((d) => usCuesOn(history.us, d.date).dowProxied).length;
  const realRowsInRange = [...history.optionRows.keys()].filter((d) => d >= run.input.from && d <= run.input.to).length;
  return {
    folder: history.folder,
    series: {
      niftyDaily: range(history.niftyDaily),
      vixDaily: range(history.vixDaily),
      nifty15m: range(history.nifty15m),
      vix15m: range(history.vix15m),
      nasdaq: range(history.us.nasdaq),
      dowJones: range(history.us.dow),
      sp500: range(history.us.sp500),
      realOptionDays: history.optionRows.size,
    },
    tradingDays: days.length,
    calendarDaysWithoutData: run.missingDays,
    daysWithoutNifty15m: days.filter((d) => d.niftyFromDaily).map((d) => d.date),
    daysWithoutVix15m: days.filter((d) => d.vixFromDaily).length,
    gaps: history.gaps,
    modelled: [
      `Option prices: REAL only where the data has a record known at that moment (end-of-day rows, from that day's close: ${realRowsInRange} such days in range); otherwise MODELLED by Black-Scholes with India VIX of the moment as the at-the-money volatility, skew slope ${params.pricing.skew.slope} / curvature ${params.pricing.skew.curvature} (in standard deviations of moneyness), rate ${params.pricing.rate}, dividend yield ${params.pricing.dividendYield}.`,
      `Touch: half-spread max(${params.pricing.minHalfSpreadTicks} tick, ${params.pricing.halfSpreadPct}% of the price) around every price; fills by the paper broker's model (SELL at the bid, BUY at the ask, ${params.slippageTicks} tick(s) of slippage, never beyond the limit).`,
      'GIFT Nifty: no history exists. Its filter is fed the NIFTY opening gap (first 15-minute bar open, else the daily open) against the previous official close, known from 09:15 (DECISIONS §6).',
      `Dow Jones: the data has no Dow 2019-10 … 2024-09; the S&P 500's move stands in for it on ${dowProxyDays} trading day(s), named 'DOW JONES (S&P 500 PROXY)'.`,
      'Economic events: the data has no history of scheduled events; the event filter sees none.',
      'Open interest: only real rows carry it; the OI support/resistance step has nothing to adjust on modelled chains.',
      `Costs: the domain's dated charge rates on each fill's IST date (STT, NSE, SEBI, stamp, GST; Kotak brokerage ₹0).`,
      `Days without NIFTY 15-minute bars trade at the daily open until the close.`,
    ],
    clock: `Sessions, holidays, expiries and lot sizes from the domain's dated NSE calendar and tables; strategy ticks ${params.tickTimes ? `at ${params.tickTimes.join(', ')} IST` : `every ${params.tickMinutes} minutes of the session`}.`,
  };
}
