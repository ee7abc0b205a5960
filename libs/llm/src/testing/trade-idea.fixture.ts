import type { KnowledgePassage, TradeIdea } from '@mcube/domain';

/** A strong LONG idea: every screen component in favour, nothing stretched. Override what a test is about. */
export function buildTradeIdea(overrides: Partial<TradeIdea> = {}): TradeIdea {
  return {
    accountId: 'ICICI',
    underlying: 'INFY',
    contract: 'INFY26DECFUT',
    expiry: '2026-12-29',
    direction: 'LONG',
    asOfDate: '2026-12-01',
    asOfTime: '09:30',
    entryPrice: 1600,
    stopLoss: 1592,
    target: 1616,
    lots: 18,
    quantity: 7200,
    marginPaise: 23_04_000_00,
    riskPaise: 57_600_00,
    exposurePaise: 1_15_20_000_00,
    score: { total: 85, minimum: 65, components: { oi: 40, sector: 30, trend: 15, rsi: 0, room: 0 } },
    openInterest: { available: true, signal: 'BULLISH', confidence: 0.85, reason: 'Long buildup: OI +7.2%, Price +1.1%', oiChangePct: 7.2, priceChangePct: 1.1, pcr: 1.42, optionsSignal: 'BULLISH' },
    sector: { index: 'NIFTY IT', verdict: 'STRONG_BULLISH', perf3d: 1.2, perf7d: 2.4, perf21d: 5.1 },
    technicals: {
      rsi: 62,
      emaFast: 1580,
      emaSlow: 1540,
      emaTrend: 'UP',
      macd: { macd: 8.1, signal: 6.3, histogram: 1.8 },
      bollinger: { upper: 1640, middle: 1585, lower: 1530, percentB: 0.64 },
      atrPct: 1.6,
      volumeRatio: 1.3,
      supportDistancePct: 2.1,
      resistanceDistancePct: 2.5,
    },
    ...overrides,
  };
}

/** Two retrieved passages with their sources. */
export const PASSAGES: readonly KnowledgePassage[] = Object.freeze([
  { id: 'rule-sector', text: 'Sector filter: all of 3, 7 and 21 sessions must agree with the trade direction.', source: { kind: 'RULE', ref: 'mcube-design.md §6', title: 'Sector analysis' }, score: 3.2 },
  { id: 'trade-41', text: 'INFY long stopped out on a gap down after results; avoid entries the week of results.', source: { kind: 'TRADE', ref: 'position 41' }, score: 2.1 },
]);
