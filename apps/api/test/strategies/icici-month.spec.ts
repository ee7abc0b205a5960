import type { FuturesApprovalRequest, FuturesAssessment } from '@mcube/strategy-icici-futures';
import { TEST_DIALECT } from '../db/test-database';
import { runIciciMonth, type IciciMonthRun } from './icici-month.run';

const MONTH = {
  seed: 5,
  from: '2026-03-04',
  to: '2026-04-02',
  stepMinutes: 5,
  parameters: { oiChangeThresholdPct: 3 },
  rejectEvery: 3,
  runtime: { entryFillTimeoutMs: 20 * 60_000, exitOrderTimeoutMs: 20 * 60_000, holdJournalIntervalMs: 60 * 60_000 },
};
const decisionsOf = (r: IciciMonthRun) => r.decisions.map((d) => [d.occurredAt.getTime(), d.kind, d.decision, d.reasonCode, d.positionId].join(' '));
const ordersOf = (r: IciciMonthRun) =>
  r.orders.map((o) => [o.positionId, o.purpose, o.underlying, o.expiryDate, o.side, o.quantity, o.limitPricePaise, o.status, o.filledQuantity, o.avgFillPricePaise, o.approvedBy].join(' '));
const approvalsOf = (r: IciciMonthRun) => r.approvals.map((a) => [a.kind, a.status, a.summary, a.requestedAt.getTime(), a.decidedBy, a.reason].join(' '));

// Issue #16 done-when: the ICICI futures strategy inside the API on the job schedule over a
// simulated month (seed 5, 2026-03-04 … 2026-04-02, 5-minute steps): ScheduleTicker → jobs →
// screener → rules validator (stored) → approval queue → a test actor approves over REST
// (declining every third request) → token → gateway → paper broker → stop / target / EOD exits.
// The stored OI threshold is 3% (a setting) so the month has enough candidates to exercise every
// path. The same month validated by a model over the Ollama wire format, with averaging, is
// icici-month-ollama.spec.ts.
// The same month runs twice: on the in-process job driver and on BullMQ over the shared Redis
// (127.0.0.1:6379, a key prefix of its own per run, deleted afterwards); both must take the same
// decisions, ask the same approvals and send the same orders in the same order. The month takes
// about 20 s a driver idle, so the whole month runs on both (no shorter window).
// The PostgreSQL pass (TEST_DATABASE=postgres) runs the month once, on the in-process driver: it
// proves the month on PostgreSQL, while the driver comparison (the drivers never touch the
// database dialect) stays in the SQLite pass; a second month there cost CI minutes for nothing.
const COMPARE_DRIVERS = TEST_DIALECT === 'sqlite';
const intentOf = (clientOrderId: string) => clientOrderId.replace(/s\d+$/, '');

describe('the ICICI futures strategy on the job schedule over a simulated month (paper broker, rules validator, approvals by a test actor over REST)', () => {
  let run: IciciMonthRun;
  let bullmq: IciciMonthRun;

  beforeAll(async () => {
    run = await runIciciMonth({ ...MONTH, driver: 'in-process' });
    if (COMPARE_DRIVERS) bullmq = await runIciciMonth({ ...MONTH, driver: 'bullmq' });
  }, 900_000);

  if (COMPARE_DRIVERS) it('takes the same decisions, asks the same approvals and sends the same orders in the same order on the in-process driver and on BullMQ', () => {
    expect(bullmq.failures).toEqual([]);
    expect(bullmq.violations).toEqual([]);
    expect(bullmq.unapprovedOrders).toEqual([]);
    expect(decisionsOf(run).length).toBeGreaterThan(50);
    expect(decisionsOf(bullmq)).toEqual(decisionsOf(run));
    expect(approvalsOf(bullmq)).toEqual(approvalsOf(run));
    expect(ordersOf(bullmq)).toEqual(ordersOf(run));
    expect(bullmq.positions.map((p) => [p.id, p.status, p.exitReason])).toEqual(run.positions.map((p) => [p.id, p.status, p.exitReason]));
    expect(bullmq.validations.map((v) => [v.symbol, v.direction, v.status, v.approved])).toEqual(run.validations.map((v) => [v.symbol, v.direction, v.status, v.approved]));
  });

  it('runs every job without failure, never holds two ACTIVE positions, and no ENTRY order appears before a person approves', () => {
    expect(run.failures).toEqual([]);
    expect(run.violations).toEqual([]);
    expect(run.unapprovedOrders).toEqual([]);
    expect(run.positions.length).toBeGreaterThanOrEqual(3);
    expect(run.positions.every((p) => p.status === 'CLOSED' || p === run.positions[run.positions.length - 1])).toBe(true);
  });

  it('sends an order only for an APPROVED request, consuming its token; declined requests mint no token and never trade', () => {
    const approvalById = new Map(run.approvals.map((a) => [String(a.id), a]));
    const entries = run.orders.filter((o) => o.purpose === 'ENTRY' || o.purpose === 'AVERAGE');
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const o of entries) {
      expect(o.approvedBy).toBe('month-trader');
      const token = run.tokens.find((t) => t.consumedByIntent === intentOf(o.clientOrderId));
      expect(token).toBeDefined();
      const approval = approvalById.get(token!.requestRef)!;
      expect(approval.status).toBe('APPROVED');
      expect(approval.outcome).toMatchObject({ status: 'SUBMITTED', clientOrderId: intentOf(o.clientOrderId) });
      expect([token!.underlying, token!.side, token!.quantity]).toEqual([o.underlying, o.side, o.quantity]);
    }
    const rejected = run.approvals.filter((a) => a.status === 'REJECTED');
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    for (const a of rejected) {
      expect(run.tokens.some((t) => t.requestRef === String(a.id))).toBe(false);
      expect(a.outcome).toMatchObject({ status: 'REJECTED_BY_PERSON' });
      expect(a.reason).toBe('test actor declines this one');
    }
    expect(run.tokens.every((t) => approvalById.get(t.requestRef)?.status === 'APPROVED')).toBe(true);
  });

  it('asks only about candidates scoring ≥ 65 with every sector timeframe aligned, planned with a 0.5% stop, a 1% target, ≤ ₹60,000 risk and ≤ ₹1.5 Cr exposure', () => {
    expect(run.approvals.length).toBeGreaterThanOrEqual(4);
    for (const a of run.approvals) {
      const r = a.request as unknown as FuturesApprovalRequest;
      expect(a.validatorLabel).toBe('rules validator — no LLM configured');
      expect(r.candidate!.score.score).toBeGreaterThanOrEqual(65);
      expect(r.candidate!.sector.verdict).toBe(r.direction === 'LONG' ? 'STRONG_BULLISH' : 'STRONG_BEARISH');
      expect(r.validation!.passed).toBe(true);
      const sign = r.direction === 'LONG' ? 1 : -1;
      expect(Math.abs(r.stopLoss - r.limitPrice * (1 - sign * 0.005))).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(r.target - r.limitPrice * (1 + sign * 0.01))).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(r.riskPaise).toBeLessThanOrEqual(60_000_00);
      expect(r.exposurePaise).toBeLessThanOrEqual(1_50_00_000_00);
      expect(r.intent.quantity % r.lotSize).toBe(0);
    }
  });

  it('stores the stop 0.5% and the target 1% from the fill, and exits only at the stop, the target or the EOD rule, through reducing orders', () => {
    const exitCodes = new Set<string>();
    for (const p of run.positions.filter((x) => x.status === 'CLOSED' && x.exitReason !== 'ENTRY_NOT_FILLED')) {
      const entry = run.orders.find((o) => o.positionId === p.id && o.purpose === 'ENTRY' && o.status === 'FILLED')!;
      const fill = entry.avgFillPricePaise! / 100;
      const sign = p.direction === 'LONG' ? 1 : -1;
      expect(Math.abs(p.stopLossPricePaise! / 100 - fill * (1 - sign * 0.005))).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(p.targetPricePaise! / 100 - fill * (1 + sign * 0.01))).toBeLessThanOrEqual(0.05 + 1e-9);
      const exit = run.decisions.find((d) => d.positionId === p.id && d.kind === 'EXIT' && d.decision === 'EXIT')!;
      const a = exit.inputs['assessment'] as FuturesAssessment;
      exitCodes.add(exit.reasonCode!);
      if (exit.reasonCode === 'STOP_LOSS_HIT') expect(sign * (a.price - a.stopLoss)).toBeLessThanOrEqual(0);
      else if (exit.reasonCode === 'TARGET_HIT') expect(sign * (a.price - a.target)).toBeGreaterThanOrEqual(0);
      else {
        expect(exit.reasonCode).toBe('EOD_MIN_PROFIT_MET');
        expect(a.time >= '15:15').toBe(true);
        expect(a.profitPctOfTarget).toBeGreaterThanOrEqual(50);
      }
      const exits = run.orders.filter((o) => o.positionId === p.id && o.purpose === 'EXIT' && o.status === 'FILLED');
      expect(exits.reduce((s, o) => s + o.filledQuantity, 0)).toBe(entry.filledQuantity);
      expect(exits.every((o) => o.side !== entry.side)).toBe(true);
    }
    expect([...exitCodes].sort()).toEqual(expect.arrayContaining(['STOP_LOSS_HIT', 'TARGET_HIT']));
  });

  it('journals every step and stores every validation (rejections included) in llm_validations; with the default rules averaging never triggers (PARAMETERS.md)', () => {
    const validations = run.decisions.filter((d) => d.kind === 'VALIDATION');
    expect(run.validations).toHaveLength(validations.length);
    expect(validations.some((d) => d.decision === 'REJECTED_BY_VALIDATOR')).toBe(true);
    expect(run.validations.every((v) => v.model.startsWith('rules validator — no LLM configured'))).toBe(true);
    const kinds = new Set(run.decisions.map((d) => `${d.kind}/${d.decision}`));
    for (const k of ['SCREEN/SCREENED', 'APPROVAL/APPROVAL_REQUESTED', 'ENTRY/ENTRY_SUBMITTED', 'ENTRY/ENTRY_FILLED', 'APPROVAL/REJECTED_BY_PERSON', 'EXIT/EXIT_COMPLETE']) expect(kinds).toContain(k);
    expect(run.orders.filter((o) => o.purpose === 'AVERAGE')).toEqual([]);
  });
});
