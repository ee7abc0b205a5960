import type { FuturesCandidatePlanResponse, FuturesEvaluationResponse } from '@mcube/contracts';

/** One row of the "Plans" table of "what would it do now" (rupees; null where the candidate has no plan). */
export interface PlanRow {
  key: string;
  contract: string;
  side: string;
  entry: number | null;
  stop: number | null;
  target: number | null;
  riskReward: number | null;
  lots: number | null;
  quantity: number | null;
  riskRupees: number | null;
  /** "to validate", or the refusal code and reason. */
  outcome: string;
}

/** The plans of the best candidates as rows (a refused plan keeps its figures: the reason says which check failed). */
export function planRows(plans: readonly FuturesCandidatePlanResponse[]): PlanRow[] {
  return plans.map((p) => ({
    key: p.underlying,
    contract: p.plan?.tradingSymbol ?? p.underlying,
    side: p.plan?.side ?? p.direction,
    entry: p.plan?.entryPrice ?? null,
    stop: p.plan?.stopLoss ?? null,
    target: p.plan?.target ?? null,
    riskReward: p.plan?.riskReward.ratio ?? null,
    lots: p.plan?.lots ?? null,
    quantity: p.plan?.quantity ?? null,
    riskRupees: p.plan ? p.plan.riskPaise / 100 : null,
    outcome: p.ok ? 'to validate' : `${p.code ?? ''}: ${p.reason ?? ''}`,
  }));
}

/** The steps before the screen, in one line: the morning check, the entry window, approvals still open, and the reason code. */
export function stepsLine(ev: FuturesEvaluationResponse): string {
  const window = `window ${ev.window.start}–${ev.window.end} IST${ev.window.isTradingDay ? '' : ', not a trading day'}, ${ev.window.inWindow ? 'open' : 'closed'}`;
  const approvals = ev.openApprovalIds.length > 0 ? ` · waiting for approval: ${ev.openApprovalIds.join(', ')}` : '';
  return `Morning check: ${ev.morningCheck.action} (${ev.morningCheck.reason}) · ${window}${approvals} · ${ev.reasonCode}`;
}
