import { runIciciMonth, type IciciMonthRun } from './icici-month.run';

// Issue #16 done-when: the ICICI futures strategy inside the API on the job schedule over a
// simulated month (seed 5, 2026-03-04 … 2026-04-02), approvals given by a test actor.
describe('the ICICI futures strategy on the job schedule over a simulated month (paper broker, rules validator, approvals by a test actor)', () => {
  let run: IciciMonthRun;

  beforeAll(async () => {
    run = await runIciciMonth({ seed: 5, from: '2026-03-04', to: '2026-04-02', stepMinutes: 5, runtime: { entryFillTimeoutMs: 20 * 60_000, exitOrderTimeoutMs: 20 * 60_000, holdJournalIntervalMs: 60 * 60_000 } });
  }, 600_000);

  it('summary', () => {
    const counts = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});
    console.log(JSON.stringify({
      failures: run.failures.slice(0, 5),
      violations: run.violations,
      unapproved: run.unapprovedOrders,
      approvals: run.approvals.map((a) => [a.kind, a.status, a.summary, JSON.stringify(a.outcome)]),
      orders: run.orders.map((o) => [o.purpose, o.side, o.tradingSymbol, o.quantity, o.status, o.denialCode, o.limitPricePaise]),
      positions: run.positions.map((p) => [p.status, p.underlying, p.direction, p.exitReason, p.stopLossPricePaise, p.targetPricePaise, p.realizedPnlPaise]),
      decisions: counts(run.decisions.map((d) => `${d.kind}/${d.decision}/${d.reasonCode}`)),
      validations: run.validations.length,
    }, null, 1));
  });
});
