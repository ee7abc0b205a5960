import type { FuturesCandidatePlanResponse, FuturesCandidateView, FuturesDropView, FuturesEvaluationResponse, FuturesScreenView, FuturesTradePlanResponse } from '@mcube/contracts';
import type { CandidatePlan, DroppedCandidate, FuturesEvaluation, ScreenedCandidate, ScreenResult, TradePlan } from '@mcube/strategy-icici-futures';

/** The REST shape of the ICICI strategy's "what would it do now": every step typed, the screen as the screener shows a stored one. */
export function futuresEvaluationResponseOf(ev: FuturesEvaluation): FuturesEvaluationResponse {
  return {
    evaluatedAtMs: ev.evaluatedAtMs,
    date: ev.date,
    time: ev.time,
    accountId: ev.accountId,
    decision: ev.decision,
    reasonCode: ev.reasonCode,
    reason: ev.reason,
    morningCheck: { action: ev.morningCheck.action, allowNewEntry: ev.morningCheck.allowNewEntry, reason: ev.morningCheck.reason },
    window: { isTradingDay: ev.window.isTradingDay, start: ev.window.start, end: ev.window.end, inWindow: ev.window.inWindow },
    openApprovalIds: [...ev.openApprovalIds],
    screen: ev.screen ? screenViewOf(ev.screen) : null,
    plans: ev.plans.map(candidatePlanOf),
  };
}

function screenViewOf(screen: ScreenResult): FuturesScreenView {
  return {
    lastSession: screen.lastSession,
    universe: screen.universe.map((m) => ({ underlying: m.underlying })),
    candidates: screen.candidates.map(candidateViewOf),
    dropped: screen.dropped.map(dropViewOf),
  };
}

function candidateViewOf(c: ScreenedCandidate): FuturesCandidateView {
  const { openInterest: oi, sector: s, technicals: t } = c;
  return {
    underlying: c.underlying,
    direction: c.direction,
    score: scoreOf(c.score),
    openInterest: { signal: oi.signal, oiChangePct: oi.oiChangePct, priceChangePct: oi.priceChangePct, pcr: oi.pcr, confidence: oi.confidence },
    sector: { index: s.index, verdict: s.verdict, perf3d: s.perf3d, perf7d: s.perf7d, perf21d: s.perf21d },
    technicals: { rsi: t.rsi, emaTrend: t.emaTrend, atrPct: t.atrPct, volumeRatio: t.volumeRatio },
  };
}

function dropViewOf(d: DroppedCandidate): FuturesDropView {
  return { underlying: d.underlying, code: d.code, reason: d.reason, ...(d.score ? { score: scoreOf(d.score) } : {}) };
}

function scoreOf(score: ScreenedCandidate['score']): FuturesCandidateView['score'] {
  return { score: score.score, minimum: score.minimum, components: { ...score.components } };
}

function candidatePlanOf({ candidate, outcome }: CandidatePlan): FuturesCandidatePlanResponse {
  return {
    underlying: candidate.underlying,
    direction: candidate.direction,
    ok: outcome.ok,
    code: outcome.ok ? null : outcome.code,
    reason: outcome.ok ? null : outcome.reason,
    plan: outcome.plan ? tradePlanOf(outcome.plan) : null,
  };
}

function tradePlanOf(p: TradePlan): FuturesTradePlanResponse {
  return {
    tradingSymbol: p.contract.tradingSymbol,
    expiry: p.contract.expiry,
    lotSize: p.contract.lotSize,
    direction: p.direction,
    side: p.side,
    entryPrice: p.entryPrice,
    priceBand: { low: p.priceBand.low, high: p.priceBand.high },
    stopLoss: p.stopLoss,
    target: p.target,
    riskReward: { ratio: p.riskReward.ratio, ok: p.riskReward.ok },
    lots: p.size.lots,
    quantity: p.size.quantity,
    marginPaise: p.size.marginPaise,
    exposurePaise: p.size.exposurePaise,
    riskPaise: p.riskPaise,
  };
}
