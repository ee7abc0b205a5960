import type { AccountSummaryResponse, KillSwitchResponse, RiskStateEvent } from '@mcube/contracts';

/** Cards in a stable order: by account id (KOTAK then ICICI as seeded). */
const byAccount = (a: AccountSummaryResponse, b: AccountSummaryResponse) => a.accountId - b.accountId;

/** The cards after an `account.summary` event: the account's card is replaced (or added). */
export function withSummary(list: readonly AccountSummaryResponse[], s: AccountSummaryResponse): AccountSummaryResponse[] {
  return [...list.filter((x) => x.accountId !== s.accountId), s].sort(byAccount);
}

/** The cards after a `risk.state` event: effective state with its causes, kill switch, active flag and breaker of one account. */
export function withRiskState(list: readonly AccountSummaryResponse[], e: RiskStateEvent): AccountSummaryResponse[] {
  return list.map((s) =>
    s.accountId !== e.accountId
      ? s
      : {
          ...s,
          tradingState: e.tradingState,
          tradingStateCauses: e.tradingStateCauses,
          killSwitch: e.killSwitch,
          isActive: e.isActive,
          breaker: e.breakerTripped
            ? { tripped: true, reason: e.reason ?? s.breaker.reason, trippedAtMs: s.breaker.tripped ? s.breaker.trippedAtMs : e.atMs }
            : { tripped: false, reason: null, trippedAtMs: null },
        },
  );
}

/** The cards after the kill switch answered with the accounts' effective states. */
export function withTradingStates(list: readonly AccountSummaryResponse[], results: KillSwitchResponse): AccountSummaryResponse[] {
  return list.map((s) => {
    const r = results.find((x) => x.id === s.accountId);
    return r ? { ...s, tradingState: r.tradingState, tradingStateCauses: r.tradingStateCauses, killSwitch: r.killSwitch } : s;
  });
}
