import { compareTimes, istDateTimeOf, morningCheck, type IsoDate, type MorningCheckResult } from '@mcube/domain';
import type { IciciFuturesConfig } from '../config/icici-futures.config';
import { buildTradePlan, type TradePlanOutcome } from '../plan/trade-plan';
import type { IciciFuturesDeps } from '../ports/strategy-deps';
import { screenFutures } from '../screen/screen-futures';
import type { ScreenedCandidate, ScreenResult } from '../screen/screen-report';

/** Why an evaluation proposes candidates, skips, or only monitors. */
export type FuturesEntryReasonCode =
  | 'CANDIDATES_FOUND'
  | 'ACTIVE_POSITION_MONITOR_ONLY'
  | 'NOT_A_TRADING_DAY'
  | 'OUTSIDE_ENTRY_WINDOW'
  | 'APPROVAL_PENDING'
  | 'ORDER_WORKING'
  | 'MARKET_DATA_UNAVAILABLE'
  | 'NO_CANDIDATE'
  | 'NO_PLAN';

/** A candidate's plan, or why it has none (a touch the source could not give, 0 lots …). */
export interface CandidatePlan {
  readonly candidate: ScreenedCandidate;
  readonly outcome: TradePlanOutcome | { readonly ok: false; readonly code: 'NO_PRICE'; readonly reason: string; readonly plan: null };
}

/**
 * "What would it do now": every step's result in workflow order, null for steps not reached.
 * PROPOSE means there are planned candidates to validate (best first); the validator and a
 * person still decide.
 */
export interface FuturesEvaluation {
  readonly evaluatedAtMs: number;
  readonly date: IsoDate;
  readonly time: string;
  readonly accountId: string;
  readonly decision: 'PROPOSE' | 'SKIP' | 'MONITOR';
  readonly reasonCode: FuturesEntryReasonCode;
  readonly reason: string;
  readonly morningCheck: MorningCheckResult;
  readonly window: { readonly isTradingDay: boolean; readonly start: string; readonly end: string; readonly inWindow: boolean };
  readonly openApprovalIds: readonly string[];
  readonly screen: ScreenResult | null;
  readonly plans: readonly CandidatePlan[];
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The entry workflow up to the validator: morning check (one position per account) → trading
 * day and entry window → no order of the strategy working (`orderWorking`: its id) → no approval
 * already open → screen → trade plans for the best `maxValidationsPerScreen` candidates. No
 * orders, no journal, no validation.
 */
export async function evaluateFuturesEntry(deps: IciciFuturesDeps, config: IciciFuturesConfig, nowMs: number, orderWorking: string | null = null): Promise<FuturesEvaluation> {
  const { date, time } = istDateTimeOf(nowMs);
  const isTradingDay = deps.calendar.isTradingDay(date);
  const inWindow =
    isTradingDay && deps.calendar.isWithinSession(date, time) && compareTimes(time, config.screenStartTime) >= 0 && compareTimes(time, config.entryWindowEnd) < 0;
  const position = await deps.account.activePosition(config.accountId);
  const mc = morningCheck({ hasActivePosition: position !== null });
  let ev: FuturesEvaluation = {
    evaluatedAtMs: nowMs,
    date,
    time,
    accountId: config.accountId,
    decision: 'SKIP',
    reasonCode: 'NO_CANDIDATE',
    reason: '',
    morningCheck: mc,
    window: { isTradingDay, start: config.screenStartTime, end: config.entryWindowEnd, inWindow },
    openApprovalIds: [],
    screen: null,
    plans: [],
  };
  const end = (decision: FuturesEvaluation['decision'], reasonCode: FuturesEntryReasonCode, reason: string): FuturesEvaluation => ({ ...ev, decision, reasonCode, reason });
  if (!mc.allowNewEntry) return end('MONITOR', 'ACTIVE_POSITION_MONITOR_ONLY', mc.reason);
  if (!isTradingDay) return end('SKIP', 'NOT_A_TRADING_DAY', `${date} is not a trading day`);
  if (!inWindow) return end('SKIP', 'OUTSIDE_ENTRY_WINDOW', `${time} is outside the entry window ${config.screenStartTime}–${config.entryWindowEnd}`);
  if (orderWorking) return end('SKIP', 'ORDER_WORKING', `order ${orderWorking} of this strategy is still working`);
  const open = await deps.approvals.openRequests(config.accountId, nowMs);
  ev = { ...ev, openApprovalIds: open.map((r) => r.requestId) };
  if (open.length > 0) return end('SKIP', 'APPROVAL_PENDING', `approval ${open[0].requestId} is still open: one request at a time`);

  let screen: ScreenResult;
  try {
    screen = await screenFutures({ market: deps.market, calendar: deps.calendar, config, date, lastSession: deps.calendar.previousTradingDay(date) });
  } catch (e) {
    return end('SKIP', 'MARKET_DATA_UNAVAILABLE', `the universe could not be read: ${messageOf(e)}`);
  }
  ev = { ...ev, screen };
  if (screen.candidates.length === 0) return end('SKIP', 'NO_CANDIDATE', `no candidate of ${screen.universe.length} passed the screen`);

  const margin = await deps.account.margin(config.accountId);
  const plans: CandidatePlan[] = [];
  for (const candidate of screen.candidates.slice(0, config.maxValidationsPerScreen)) {
    try {
      const touch = await deps.market.futuresTouch({ underlying: candidate.underlying, expiry: candidate.contract.expiry });
      plans.push({ candidate, outcome: buildTradePlan({ contract: candidate.contract, direction: candidate.direction, touch, margin, config }) });
    } catch (e) {
      plans.push({ candidate, outcome: { ok: false, code: 'NO_PRICE', reason: `no price for ${candidate.contract.tradingSymbol}: ${messageOf(e)}`, plan: null } });
    }
  }
  ev = { ...ev, plans };
  const planned = plans.filter((p) => p.outcome.ok).length;
  if (planned === 0) return end('SKIP', 'NO_PLAN', `no candidate could be planned: ${plans.map((p) => `${p.candidate.underlying} ${p.outcome.ok ? '' : p.outcome.reason}`).join('; ')}`);
  return end('PROPOSE', 'CANDIDATES_FOUND', `${planned} planned candidate(s), best ${screen.candidates[0].underlying} ${screen.candidates[0].direction} score ${screen.candidates[0].score.score}`);
}
