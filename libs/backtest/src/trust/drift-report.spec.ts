import type { DecisionRow } from '../report/decision-row';
import { driftReport, type ComparableTrade } from './drift-report';

const trade = (over: Partial<ComparableTrade> & { legs?: ComparableTrade['legs'] }): ComparableTrade => ({
  entryAt: '2024-07-01T10:00',
  exitAt: '2024-07-02T15:15',
  legs: [
    { instrument: 'NIFTY-2024-07-04-24500-CE', side: 'SELL', quantity: 2075, entryPrice: 8.75, exitPrice: 3.2 },
    { instrument: 'NIFTY-2024-07-04-23700-PE', side: 'SELL', quantity: 2075, entryPrice: 32.55, exitPrice: 14.8 },
  ],
  netPnlPaise: 4_822_006,
  chargesPaise: 12_744,
  exitReason: 'EOD_MIN_PROFIT_MET',
  ...over,
});
const decision = (date: string, decisionName: string, reasonCode: string, message = ''): DecisionRow => ({ date, time: '10:00', kind: decisionName === 'ENTER' ? 'ENTRY' : 'SKIP', decision: decisionName, reasonCode, message, inputs: {} });

describe('driftReport (paper vs backtest of the same period)', () => {
  it('finds nothing to explain when both sides traded alike', () => {
    const r = driftReport({ paper: [trade({})], backtest: [trade({})], backtestDecisions: [] });
    expect(r).toMatchObject({ matched: 1, paperOnly: 0, backtestOnly: 0, byCause: {} });
    expect(r.rows[0].differences).toEqual([]);
  });

  it('attributes a different entry fill to FILL_PRICE with its effect on the net', () => {
    const paper = trade({ legs: [{ instrument: 'NIFTY-2024-07-04-24500-CE', side: 'SELL', quantity: 2075, entryPrice: 9.0, exitPrice: 3.2 }], netPnlPaise: 100 });
    const backtest = trade({ legs: [{ instrument: 'NIFTY-2024-07-04-24500-CE', side: 'SELL', quantity: 2075, entryPrice: 8.75, exitPrice: 3.2 }], netPnlPaise: 100 - 51_875 });
    const r = driftReport({ paper: [paper], backtest: [backtest], backtestDecisions: [] });
    expect(r.rows[0].differences).toEqual([expect.objectContaining({ field: 'NIFTY-2024-07-04-24500-CE entryPrice', paper: 9, backtest: 8.75, cause: 'FILL_PRICE', pnlEffectPaise: -51_875 })]);
    expect(r.byCause).toEqual({ FILL_PRICE: -51_875 });
    expect(r.rows[0].netDifferencePaise).toBe(-51_875);
  });

  it('calls a later exit by the same rule TIMING and a different rule EXIT', () => {
    const later = driftReport({ paper: [trade({})], backtest: [trade({ exitAt: '2024-07-03T09:15' })], backtestDecisions: [] });
    expect(later.rows[0].differences.map((d) => [d.field, d.cause])).toEqual([['exitAt', 'TIMING']]);
    const other = driftReport({ paper: [trade({})], backtest: [trade({ exitReason: 'TARGET_HIT', exitAt: '2024-07-02T11:00' })], backtestDecisions: [] });
    expect(other.rows[0].differences.map((d) => [d.field, d.cause])).toEqual([['exitReason', 'EXIT']]);
  });

  it('names different strikes and sizes', () => {
    const moved = trade({ legs: [{ instrument: 'NIFTY-2024-07-04-24600-CE', side: 'SELL', quantity: 2000, entryPrice: 6, exitPrice: 2 }] });
    const base = trade({ legs: [{ instrument: 'NIFTY-2024-07-04-24500-CE', side: 'SELL', quantity: 2075, entryPrice: 8.75, exitPrice: 3.2 }] });
    expect(driftReport({ paper: [base], backtest: [moved], backtestDecisions: [] }).rows[0].differences.map((d) => d.cause)).toEqual(['STRIKES']);
    const smaller = trade({ legs: [{ ...base.legs[0], quantity: 2000 }] });
    expect(driftReport({ paper: [base], backtest: [smaller], backtestDecisions: [] }).rows[0].differences.map((d) => d.cause)).toEqual(['SIZING']);
  });

  it('explains a day only paper traded from the backtest decisions: missing data, an earlier position, or its own decision', () => {
    const days = ['2024-07-01', '2024-07-02', '2024-07-03', '2024-07-04'];
    const paper = days.map((d) => trade({ entryAt: `${d}T10:00`, exitAt: `${d}T15:15`, netPnlPaise: 1_000 }));
    const decisions = [
      decision('2024-07-02', 'SKIPPED', 'MARKET_DATA_UNAVAILABLE', 'market data unavailable: no NIFTY level'),
      { ...decision('2024-07-03', 'MONITOR_ONLY', 'ACTIVE_POSITION_MONITOR_ONLY'), kind: 'HOLD' },
      decision('2024-07-04', 'SKIPPED', 'FILTER_FAILED:GLOBAL_MARKETS', 'GIFT Nifty +0.7%'),
    ];
    const r = driftReport({ paper, backtest: [], backtestDecisions: decisions });
    expect(r.rows.map((row) => row.differences[0].cause)).toEqual(['MISSING_DATA', 'MISSING_DATA', 'TIMING', 'DECISION']);
    expect(r.rows[3].differences[0].explanation).toMatch(/FILTER_FAILED:GLOBAL_MARKETS/);
    expect(r).toMatchObject({ paperOnly: 4, backtestOnly: 0, paperNetPaise: 4_000, backtestNetPaise: 0 });
  });

  it('explains a day only the backtest traded', () => {
    const r = driftReport({ paper: [], backtest: [trade({})], backtestDecisions: [decision('2024-07-01', 'ENTER', 'ALL_CHECKS_PASSED')] });
    expect(r.rows[0].differences[0]).toMatchObject({ cause: 'DECISION', pnlEffectPaise: 4_822_006 });
    expect(r.backtestOnly).toBe(1);
  });
});
