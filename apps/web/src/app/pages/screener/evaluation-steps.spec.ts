import type { FuturesEvaluationResponse } from '@mcube/contracts';
import { planRows, stepsLine } from './evaluation-steps';

const plan = { tradingSymbol: 'RELIANCE26MARFUT', expiry: '2026-03-26', lotSize: 500, direction: 'LONG' as const, side: 'BUY' as const, entryPrice: 1400.5, priceBand: { low: 1390, high: 1410 }, stopLoss: 1393.5, target: 1414.5, riskReward: { ratio: 2, ok: true }, lots: 2, quantity: 1000, marginPaise: 28_000_000, exposurePaise: 140_050_000, riskPaise: 700_000 };

const evaluation = (over: Partial<FuturesEvaluationResponse> = {}): FuturesEvaluationResponse => ({
  evaluatedAtMs: 0,
  date: '2026-03-10',
  time: '10:00:00',
  accountId: '2',
  decision: 'PROPOSE',
  reasonCode: 'CANDIDATES_FOUND',
  reason: '2 candidates planned',
  morningCheck: { action: 'EVALUATE_ENTRY', allowNewEntry: true, reason: 'No active position' },
  window: { isTradingDay: true, start: '09:30', end: '11:30', inWindow: true },
  openApprovalIds: [],
  screen: null,
  plans: [
    { underlying: 'RELIANCE', direction: 'LONG', ok: true, code: null, reason: null, plan },
    { underlying: 'INFY', direction: 'SHORT', ok: false, code: 'NO_PRICE', reason: 'no touch for INFY', plan: null },
  ],
  ...over,
});

describe('"what would it do now" steps on the screener', () => {
  it('shows each plan with its figures, and a candidate without a plan with its refusal', () => {
    expect(planRows(evaluation().plans)).toEqual([
      { key: 'RELIANCE', contract: 'RELIANCE26MARFUT', side: 'BUY', entry: 1400.5, stop: 1393.5, target: 1414.5, riskReward: 2, lots: 2, quantity: 1000, riskRupees: 7000, outcome: 'to validate' },
      { key: 'INFY', contract: 'INFY', side: 'SHORT', entry: null, stop: null, target: null, riskReward: null, lots: null, quantity: null, riskRupees: null, outcome: 'NO_PRICE: no touch for INFY' },
    ]);
  });

  it('says the morning check, the window and open approvals before the screen', () => {
    expect(stepsLine(evaluation())).toBe('Morning check: EVALUATE_ENTRY (No active position) · window 09:30–11:30 IST, open · CANDIDATES_FOUND');
    expect(stepsLine(evaluation({ reasonCode: 'APPROVAL_PENDING', openApprovalIds: ['apr-1'], window: { isTradingDay: false, start: '09:30', end: '11:30', inWindow: false } }))).toBe(
      'Morning check: EVALUATE_ENTRY (No active position) · window 09:30–11:30 IST, not a trading day, closed · waiting for approval: apr-1 · APPROVAL_PENDING',
    );
  });
});
