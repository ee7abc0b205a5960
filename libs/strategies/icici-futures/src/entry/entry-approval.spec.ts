import { epochMsOfIst } from '@mcube/domain';
import { futuresHarness } from '../testing/strategy-harness';
import { screenScenario, SCREEN_DATE } from '../testing/screen-scenario';

const DOC = { id: 'rule-sector', text: 'INFY and every IT stock: the sector filter needs all timeframes aligned before a LONG.', source: { kind: 'RULE' as const, ref: 'mcube-design.md §6' }, tags: [], createdAtMs: 0 };
const harness = (over: Partial<Parameters<typeof futuresHarness>[0]> = {}) => futuresHarness({ market: screenScenario(), start: { date: SCREEN_DATE, time: '09:30' }, knowledgeDocs: [DOC], ...over });
const approve = { approved: true, approval: { approvedBy: 'trader@desk', approvedAt: 0 } };

describe('ICICI entry: screen → validator → ONE approval request → a person → the gateway', () => {
  it('ends a screen in an approval request for the best validated candidate and sends no order', async () => {
    const h = harness();
    const run = await h.strategy.runScreen();
    expect(run.evaluation).toMatchObject({ decision: 'PROPOSE', reasonCode: 'CANDIDATES_FOUND' });
    expect(h.validator.requests).toHaveLength(1);
    expect(h.validator.requests[0]).toMatchObject({ minConfidence: 0.7, idea: { underlying: 'INFY', direction: 'LONG', lots: expect.any(Number) }, passages: [{ id: 'rule-sector', source: { kind: 'RULE', ref: 'mcube-design.md §6' } }] });
    const request = run.request!;
    expect(request).toMatchObject({ kind: 'ENTRY', accountId: 'ICICI', direction: 'LONG', contract: 'INFY-2026-12-29-FUT', lotSize: 400, validation: { passed: true }, candidate: { underlying: 'INFY', score: { score: 100 } } });
    expect(request.intent).toEqual({
      segment: 'NFO-FUT',
      instrument: { underlying: 'INFY', kind: 'FUT', expiry: '2026-12-29' },
      side: 'BUY',
      orderType: 'LIMIT',
      limitPrice: request.limitPrice,
      purpose: 'ENTRY',
      quantity: request.lots * 400,
      strategyPositionId: request.positionId,
      callerFigures: { marginPaise: request.marginPaise, riskPaise: request.riskPaise, exposurePaise: request.exposurePaise },
    });
    expect(request.intent.approval).toBeUndefined();
    expect(request.riskPaise).toBeLessThanOrEqual(60_000_00);
    expect(request.expiresAtMs).toBe(epochMsOfIst(SCREEN_DATE, '09:40'));
    expect(h.approvals.requests).toHaveLength(1);
    expect(h.book.intents).toEqual([]);
    expect(h.journal.records.map((r) => r.decision)).toEqual(['SCREENED', 'VALIDATED', 'APPROVAL_REQUESTED']);
    expect(h.alerts.alerts[0]).toMatchObject({ severity: 'INFO', title: 'ICICI entry awaits approval' });
  });

  it('never lets a request outlive the entry window', async () => {
    const h = harness({ start: { date: SCREEN_DATE, time: '11:25' } });
    const run = await h.strategy.runScreen();
    expect(run.request!.expiresAtMs).toBe(epochMsOfIst(SCREEN_DATE, '11:30'));
  });

  it('tries the next candidate when the validator rejects, and asks nobody when all are rejected', async () => {
    const h = harness({ validatorScript: ['LOW_CONFIDENCE', 'PASS'] });
    expect((await h.strategy.runScreen()).request).toMatchObject({ direction: 'SHORT', candidate: { underlying: 'SBIN' } });
    expect(h.journal.decisions('REJECTED_BY_VALIDATOR')[0]).toMatchObject({ reasonCode: 'VALIDATION_FAILED:LOW_CONFIDENCE' });

    const none = harness({ validatorScript: ['MODEL_REJECTED', 'TIMEOUT', 'SCHEMA_VIOLATION'] });
    const run = await none.strategy.runScreen();
    expect(run.request).toBeNull();
    expect(none.validator.requests.map((r) => r.idea.underlying)).toEqual(['INFY', 'SBIN', 'TCS']);
    expect(none.journal.records.at(-1)).toMatchObject({ kind: 'SKIP', reasonCode: 'NO_CANDIDATE_VALIDATED' });
    expect(none.approvals.requests).toEqual([]);
  });

  it('still validates when the knowledge store fails, without passages, and journals why', async () => {
    const h = harness();
    h.knowledge.failing = true;
    const run = await h.strategy.runScreen();
    expect(run.request).not.toBeNull();
    expect(h.validator.requests[0].passages).toEqual([]);
    expect(h.journal.decisions('VALIDATED')[0].inputs).toMatchObject({ retrieval: { store: 'TINY', passages: [], error: 'store down' } });
  });

  it('skips while a request is open, outside the window, and on a holiday', async () => {
    const h = harness();
    await h.strategy.runScreen();
    expect((await h.strategy.runScreen(h.at(SCREEN_DATE, '09:35'))).evaluation).toMatchObject({ decision: 'SKIP', reasonCode: 'APPROVAL_PENDING' });
    // Expired at 09:40: no longer pending.
    expect((await h.strategy.evaluate(h.at(SCREEN_DATE, '09:41'))).reasonCode).toBe('CANDIDATES_FOUND');
    expect((await h.strategy.evaluate(h.at(SCREEN_DATE, '11:30'))).reasonCode).toBe('OUTSIDE_ENTRY_WINDOW');
    expect((await h.strategy.evaluate(h.at('2026-12-25', '10:00'))).reasonCode).toBe('NOT_A_TRADING_DAY');
  });

  it('runs the screen once per 30-minute slot from 09:30 to before 11:30', async () => {
    const h = harness({ validatorScript: ['MODEL_REJECTED', 'MODEL_REJECTED', 'MODEL_REJECTED'], start: { date: SCREEN_DATE, time: '09:00' } });
    expect(h.strategy.screenSlot(h.at(SCREEN_DATE, '09:29'))).toBeNull();
    expect(await h.strategy.runScreenIfDue(h.at(SCREEN_DATE, '09:31'))).not.toBeNull();
    expect(await h.strategy.runScreenIfDue(h.at(SCREEN_DATE, '09:59'))).toBeNull();
    expect(h.strategy.screenSlot(h.at(SCREEN_DATE, '11:29'))).toBe(`${SCREEN_DATE} 11:00`);
  });

  it('sends the approved intent with the approval, re-priced at the touch inside the band, and stores stop and target from the fill', async () => {
    const h = harness();
    const request = (await h.strategy.runScreen()).request!;
    h.approvals.decide(request.requestId);
    const out = await h.strategy.onApprovalDecision(request, { requestId: request.requestId, ...approve }, h.at(SCREEN_DATE, '09:33'));
    expect(out).toMatchObject({ status: 'SUBMITTED', clientOrderId: 'co-1', limitPrice: request.limitPrice });
    expect(h.book.intents[0]).toEqual({ ...request.intent, approval: approve.approval });
    await h.strategy.onTick(h.at(SCREEN_DATE, '09:33:05'));
    const fill = request.limitPrice;
    expect(h.book.levelWrites).toEqual([{ positionId: request.positionId, levels: expect.objectContaining({ averagingAttempts: 0, originalQuantity: request.intent.quantity }) }]);
    // Stop 0.5% under the fill (towards it), target 1% over (away from it).
    expect(h.book.levelWrites[0].levels.stopLoss).toBeCloseTo(Math.ceil(fill * 0.995 * 20) / 20, 9);
    expect(h.journal.decisions('ENTRY_FILLED')[0]).toMatchObject({ reasonCode: 'ORDER_FILLED', positionId: request.positionId });
  });

  it.each([
    ['expired', 'APPROVAL_EXPIRED', (h: ReturnType<typeof harness>) => h.at(SCREEN_DATE, '09:41')],
    ['the touch left the band', 'PRICE_OUTSIDE_BAND', (h: ReturnType<typeof harness>) => ((h.market.underlyings.get('INFY')!.price *= 1.01), h.at(SCREEN_DATE, '09:31'))],
  ])('does not send an approved request that has %s', async (_name, code, when) => {
    const h = harness();
    const request = (await h.strategy.runScreen()).request!;
    const out = await h.strategy.onApprovalDecision(request, { requestId: request.requestId, ...approve }, when(h));
    expect(out).toMatchObject({ status: 'NOT_SENT', code });
    expect(h.book.intents).toEqual([]);
    expect(h.journal.records.at(-1)).toMatchObject({ decision: 'ENTRY_NOT_SENT', reasonCode: code });
  });

  it('journals a person’s rejection and a gateway denial, and sends nothing more', async () => {
    const h = harness({ outcome: () => 'DENY' });
    const request = (await h.strategy.runScreen()).request!;
    expect(await h.strategy.onApprovalDecision(request, { requestId: request.requestId, approved: false, reason: 'results week' })).toEqual({ status: 'REJECTED_BY_PERSON' });
    expect(h.journal.records.at(-1)).toMatchObject({ decision: 'REJECTED_BY_PERSON', message: 'results week' });
    const denied = await h.strategy.onApprovalDecision(request, { requestId: request.requestId, ...approve });
    expect(denied).toMatchObject({ status: 'NOT_SENT', code: 'DENIED:APPROVAL_REQUIRED' });
    expect(h.strategy.phase).toBe('IDLE');
  });

  it('refuses an approval that names no one or belongs to another request', async () => {
    const h = harness();
    const request = (await h.strategy.runScreen()).request!;
    await expect(h.strategy.onApprovalDecision(request, { requestId: 'other', ...approve })).rejects.toThrow(/not for request/);
    await expect(h.strategy.onApprovalDecision(request, { requestId: request.requestId, approved: true, approval: { approvedBy: '', approvedAt: 0 } })).rejects.toThrow(/name who approved/);
  });

  it('cancels an entry not filled within the timeout and journals it unfilled', async () => {
    const h = harness({ outcome: () => 'WORK' });
    const request = (await h.strategy.runScreen()).request!;
    await h.strategy.onApprovalDecision(request, { requestId: request.requestId, ...approve });
    await h.strategy.onTick(h.at(SCREEN_DATE, '09:30:59'));
    expect(h.book.cancels).toEqual([]);
    await h.strategy.onTick(h.at(SCREEN_DATE, '09:31:00'));
    expect(h.book.cancels).toEqual(['co-1']);
    await h.strategy.onTick(h.at(SCREEN_DATE, '09:31:05'));
    expect(h.journal.records.at(-1)).toMatchObject({ decision: 'ENTRY_UNFILLED', reasonCode: 'CANCELED' });
    expect(h.strategy.phase).toBe('IDLE');
  });
});

describe('one thing at a time', () => {
  it('does not screen while an entry order is working', async () => {
    const h = harness({ outcome: () => 'WORK' });
    const request = (await h.strategy.runScreen()).request!;
    h.approvals.decide(request.requestId);
    await h.strategy.onApprovalDecision(request, { requestId: request.requestId, ...approve });
    const run = await h.strategy.runScreen(h.at(SCREEN_DATE, '09:30:30'));
    expect(run.evaluation).toMatchObject({ decision: 'SKIP', reasonCode: 'ORDER_WORKING', screen: null });
    expect(h.approvals.requests).toHaveLength(1);
  });
});
