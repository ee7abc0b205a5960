import type { FuturesApprovalRequest, FuturesEvaluation } from '@mcube/strategy-icici-futures';
import { SCREEN_INDEX_HISTORY_TRADING_DAYS, SCREEN_STOCK_HISTORY_TRADING_DAYS } from '@mcube/market-sim';
import { runIciciMonth, type IciciMonthRun } from './icici-month.run';

// Issue #16, "Command 1 shows the screener, pending approvals and approvals working with the rules
// validator": the simulator as command 1 builds it (seed 1 = MCUBE_SIM_SEED's default, the
// default 30-session warm-up plus the stock and index history of SCREEN_STOCK_HISTORY_TRADING_DAYS and
// SCREEN_INDEX_HISTORY_TRADING_DAYS, which the screen's 50-session EMA needs) and the ICICI strategy at its stored defaults (OI threshold 5%,
// score ≥ 65, no setting lowered), over one week, through the same harness as the simulated
// month: jobs → screen → rules validator → approval queue, the test actor deciding over REST.
// Futures OI, of stocks and of the NIFTY and BANKNIFTY futures, follows the day's positioning and
// price move (libs/market-sim open-interest-profile, index-open-interest-profile), so trending
// mornings show the plan's buildups and most sessions propose something.
const FROM = '2026-11-16';
const TO = '2026-11-20';

describe('the ICICI screen on the simulator as command 1 runs it (seed 1, default settings, rules validator)', () => {
  let run: IciciMonthRun;

  beforeAll(async () => {
    run = await runIciciMonth({
      seed: 1,
      from: FROM,
      to: TO,
      stepMinutes: 15,
      sim: { warmupTradingDays: undefined, stockHistoryTradingDays: SCREEN_STOCK_HISTORY_TRADING_DAYS, indexHistoryTradingDays: SCREEN_INDEX_HISTORY_TRADING_DAYS },
      runtime: { entryFillTimeoutMs: 30 * 60_000, exitOrderTimeoutMs: 30 * 60_000, holdJournalIntervalMs: 60 * 60_000 },
    });
  }, 600_000);

  // How often a session has a candidate at all (whatever the account holds) is the screen's own
  // test over the same simulator (libs/strategies/icici-futures market-data-futures-source.spec.ts).
  it('screens through the jobs and proposes candidates with score ≥ 65, every sector timeframe aligned and a 5% OI buildup', () => {
    expect(run.failures).toEqual([]);
    const evaluations = run.decisions.filter((d) => d.kind === 'SCREEN' && d.decision === 'SCREENED').map((d) => d.inputs['evaluation'] as FuturesEvaluation);
    expect(evaluations.length).toBeGreaterThanOrEqual(1);
    for (const e of evaluations) {
      expect(e.screen!.candidates.length).toBeGreaterThanOrEqual(1);
      for (const c of e.screen!.candidates) {
        expect(c.score.score).toBeGreaterThanOrEqual(65);
        expect(c.sector.verdict).toBe(c.direction === 'LONG' ? 'STRONG_BULLISH' : 'STRONG_BEARISH');
        if (c.directionSource === 'OI') expect(Math.abs(c.openInterest.oiChangePct!)).toBeGreaterThan(5);
      }
    }
  });

  it('shows a pending approval request through GET /api/approvals, which the trader approves and the paper broker fills', () => {
    expect(run.seenPending.length).toBeGreaterThanOrEqual(1);
    const seen = run.approvals.filter((a) => run.seenPending.includes(String(a.id)));
    expect(seen.length).toBe(run.seenPending.length);
    expect(seen.every((a) => a.validatorLabel === 'rules validator — no LLM configured')).toBe(true);
    expect(seen.some((a) => a.status === 'APPROVED')).toBe(true);
    expect(run.orders.some((o) => o.purpose === 'ENTRY' && o.status === 'FILLED' && o.approvedBy === 'month-trader')).toBe(true);
  });

  it('judges the index futures on the simulator\'s OI too: a NIFTY or BANKNIFTY buildup is proposed, approved over REST and filled through the gateway in whole lots', () => {
    const evaluations = run.decisions.filter((d) => d.kind === 'SCREEN' && d.decision === 'SCREENED').map((d) => d.inputs['evaluation'] as FuturesEvaluation);
    for (const e of evaluations) for (const d of e.screen!.dropped) expect(d.code).not.toBe('OI_UNAVAILABLE');
    const index = run.approvals.filter((a) => ['NIFTY', 'BANKNIFTY'].includes((a.request as unknown as FuturesApprovalRequest).intent.instrument.underlying));
    expect(index.length).toBeGreaterThanOrEqual(1);
    for (const a of index) {
      const r = a.request as unknown as FuturesApprovalRequest;
      expect(r.candidate!.openInterest).toMatchObject({ available: true, futuresSource: 'MODELLED' });
      expect(Math.abs(r.candidate!.openInterest.oiChangePct!)).toBeGreaterThan(5);
      expect(r.candidate!.sector.index).toBe(r.intent.instrument.underlying === 'NIFTY' ? 'NIFTY 50' : 'NIFTY BANK');
      expect(r.intent.quantity % r.lotSize).toBe(0);
      expect(r.riskPaise).toBeLessThanOrEqual(60_000_00);
    }
    const filled = run.orders.filter((o) => ['NIFTY', 'BANKNIFTY'].includes(o.underlying) && o.purpose === 'ENTRY' && o.status === 'FILLED');
    expect(filled.length).toBeGreaterThanOrEqual(1);
    expect(filled.every((o) => o.approvedBy === 'month-trader' && o.instrumentType === 'FUT')).toBe(true);
  });
});
