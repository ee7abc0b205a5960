import { FUTURES_ENTRY_REASON_CODES, FUTURES_EVALUATION_DECISIONS, FUTURES_PLAN_REFUSAL_CODES, MORNING_CHECK_ACTIONS } from '@mcube/contracts';
import { futuresHarness, screenScenario, SCREEN_DATE } from '@mcube/strategy-icici-futures/testing';
import { futuresEvaluationResponseOf } from './futures-evaluation-response-of';

// The ICICI "what would it do now" over REST: every workflow step mapped to its contract type,
// on the strategy library's scripted screen (candidates with trade plans).
describe('futuresEvaluationResponseOf', () => {
  it('maps the morning check, window, screen and plans of a real evaluation, values unchanged', async () => {
    const h = futuresHarness({ market: screenScenario(), start: { date: SCREEN_DATE, time: '09:30' } });
    const ev = await h.strategy.evaluate(h.at(SCREEN_DATE, '09:41'));
    expect(ev.reasonCode).toBe('CANDIDATES_FOUND');
    const res = futuresEvaluationResponseOf(ev);

    expect(res).toMatchObject({ evaluatedAtMs: ev.evaluatedAtMs, date: SCREEN_DATE, time: '09:41:00', accountId: ev.accountId, decision: 'PROPOSE', reasonCode: 'CANDIDATES_FOUND', reason: ev.reason });
    expect(FUTURES_EVALUATION_DECISIONS).toContain(res.decision);
    expect(FUTURES_ENTRY_REASON_CODES).toContain(res.reasonCode);
    expect(MORNING_CHECK_ACTIONS).toContain(res.morningCheck.action);
    expect(res.morningCheck).toEqual({ action: 'EVALUATE_ENTRY', allowNewEntry: true, reason: ev.morningCheck.reason });
    expect(res.window).toEqual({ ...ev.window });
    expect(res.openApprovalIds).toEqual([]);

    const screen = ev.screen!;
    expect(res.screen!.lastSession).toBe(screen.lastSession);
    expect(res.screen!.universe).toEqual(screen.universe.map((m) => ({ underlying: m.underlying })));
    expect(res.screen!.candidates.length).toBeGreaterThan(0);
    const [c] = screen.candidates;
    expect(res.screen!.candidates[0]).toEqual({
      underlying: c.underlying,
      direction: c.direction,
      score: { score: c.score.score, minimum: c.score.minimum, components: { ...c.score.components } },
      openInterest: { signal: c.openInterest.signal, oiChangePct: c.openInterest.oiChangePct, priceChangePct: c.openInterest.priceChangePct, pcr: c.openInterest.pcr, confidence: c.openInterest.confidence },
      sector: { index: c.sector.index, verdict: c.sector.verdict, perf3d: c.sector.perf3d, perf7d: c.sector.perf7d, perf21d: c.sector.perf21d },
      technicals: { rsi: c.technicals.rsi, emaTrend: c.technicals.emaTrend, atrPct: c.technicals.atrPct, volumeRatio: c.technicals.volumeRatio },
    });
    expect(res.screen!.dropped.map((d) => [d.underlying, d.code, d.reason])).toEqual(screen.dropped.map((d) => [d.underlying, d.code, d.reason]));

    expect(res.plans.length).toBe(ev.plans.length);
    expect(res.plans.length).toBeGreaterThan(0);
    ev.plans.forEach(({ candidate, outcome }, i) => {
      const p = outcome.plan!;
      expect(res.plans[i]).toEqual({
        underlying: candidate.underlying,
        direction: candidate.direction,
        ok: outcome.ok,
        code: outcome.ok ? null : outcome.code,
        reason: outcome.ok ? null : outcome.reason,
        plan: {
          tradingSymbol: p.contract.tradingSymbol,
          expiry: p.contract.expiry,
          lotSize: p.contract.lotSize,
          direction: p.direction,
          side: p.side,
          entryPrice: p.entryPrice,
          priceBand: { ...p.priceBand },
          stopLoss: p.stopLoss,
          target: p.target,
          riskReward: { ratio: p.riskReward.ratio, ok: p.riskReward.ok },
          lots: p.size.lots,
          quantity: p.size.quantity,
          marginPaise: p.size.marginPaise,
          exposurePaise: p.size.exposurePaise,
          riskPaise: p.riskPaise,
        },
      });
      if (res.plans[i].code !== null) expect(FUTURES_PLAN_REFUSAL_CODES).toContain(res.plans[i].code);
    });
    // Plain JSON: what the route sends is what the console reads.
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
  });
});
