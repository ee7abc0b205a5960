import type { IsoDate, TradeIdea } from '@mcube/domain';
import type { TradePlan } from '../plan/trade-plan';
import type { ScreenedCandidate } from '../screen/screen-report';

const round = (v: number | null, dp = 4) => (v === null ? null : Math.round(v * 10 ** dp) / 10 ** dp);

/** The validator's view of a screened candidate and its plan (plain JSON, figures rounded for the prompt). */
export function tradeIdeaOf(input: { accountId: string; candidate: ScreenedCandidate; plan: TradePlan; date: IsoDate; time: string }): TradeIdea {
  const { candidate: c, plan: p } = input;
  const t = c.technicals;
  return {
    accountId: input.accountId,
    underlying: c.underlying,
    contract: p.contract.tradingSymbol,
    expiry: p.contract.expiry,
    direction: c.direction,
    asOfDate: input.date,
    asOfTime: input.time,
    entryPrice: p.entryPrice,
    stopLoss: p.stopLoss,
    target: p.target,
    lots: p.size.lots,
    quantity: p.size.quantity,
    marginPaise: p.size.marginPaise,
    riskPaise: p.riskPaise,
    exposurePaise: p.size.exposurePaise,
    score: { total: c.score.score, minimum: c.score.minimum, components: { ...c.score.components } },
    openInterest: {
      available: c.openInterest.available,
      signal: c.openInterest.signal,
      confidence: c.openInterest.confidence,
      reason: c.openInterest.reason,
      oiChangePct: round(c.openInterest.oiChangePct, 2),
      priceChangePct: round(c.openInterest.priceChangePct, 2),
      pcr: round(c.openInterest.pcr, 3),
      optionsSignal: c.openInterest.optionsSignal,
    },
    sector: { index: c.sector.index, verdict: c.sector.verdict, perf3d: round(c.sector.perf3d, 2) as number, perf7d: round(c.sector.perf7d, 2) as number, perf21d: round(c.sector.perf21d, 2) as number },
    technicals: {
      rsi: round(t.rsi, 2),
      emaFast: round(t.emaFast, 2),
      emaSlow: round(t.emaSlow, 2),
      emaTrend: t.emaTrend,
      macd: t.macd ? { macd: round(t.macd.macd) as number, signal: round(t.macd.signal) as number, histogram: round(t.macd.histogram) as number } : null,
      bollinger: t.bollinger
        ? { upper: round(t.bollinger.upper, 2) as number, middle: round(t.bollinger.middle, 2) as number, lower: round(t.bollinger.lower, 2) as number, percentB: round(t.bollinger.percentB, 3) as number }
        : null,
      atrPct: round(t.atrPct, 3),
      volumeRatio: round(t.volumeRatio, 3),
      supportDistancePct: round(t.supportDistancePct, 3),
      resistanceDistancePct: round(t.resistanceDistancePct, 3),
    },
  };
}
