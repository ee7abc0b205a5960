import type { IsoDate } from '@mcube/domain';

/** What one account's day row is computed from (paise). */
export interface DailyPnlInputs {
  readonly allocatedCapitalPaise: number;
  /** Positions that closed on the row's IST date: gross realised P&L and the charges of all their fills. */
  readonly closedToday: readonly { readonly realizedPnlPaise: number; readonly chargesPaise: number }[];
  /** The still-active position, if any. */
  readonly activePosition: { readonly realizedPnlPaise: number; readonly unrealizedPnlPaise: number } | null;
  /** Rows of the account before the row's date. */
  readonly earlierRows: readonly { readonly tradeDate: IsoDate; readonly netPnlPaise: number; readonly peakEquityPaise: number }[];
}

/** The stored figures of a day row. */
export interface DailyPnlValues {
  readonly realizedPnlPaise: number;
  readonly unrealizedPnlPaise: number;
  readonly chargesPaise: number;
  readonly netPnlPaise: number;
  readonly tradesCount: number;
  readonly equityPaise: number;
  readonly peakEquityPaise: number;
  readonly drawdownPct: number;
}

/**
 * The day row of an account, consistent with the risk checks (`riskPnlFacts` adds the active
 * position's P&L to the rows): `netPnlPaise` is ONLY the P&L of positions closed that day, net
 * of their charges; `unrealizedPnlPaise` is the active position's open P&L (its realised part
 * from partial exits plus its mark) and is NOT in `netPnlPaise`. Equity = allocated capital +
 * every closed day's net + the open P&L; the peak never falls below earlier peaks or the
 * allocated capital. Pure.
 */
export function dailyPnlValues(input: DailyPnlInputs): DailyPnlValues {
  const realizedPnlPaise = input.closedToday.reduce((s, p) => s + p.realizedPnlPaise, 0);
  const chargesPaise = input.closedToday.reduce((s, p) => s + p.chargesPaise, 0);
  const netPnlPaise = realizedPnlPaise - chargesPaise;
  const unrealizedPnlPaise = input.activePosition ? input.activePosition.realizedPnlPaise + input.activePosition.unrealizedPnlPaise : 0;
  const earlierNet = input.earlierRows.reduce((s, r) => s + r.netPnlPaise, 0);
  const equityPaise = input.allocatedCapitalPaise + earlierNet + netPnlPaise + unrealizedPnlPaise;
  const peakEquityPaise = Math.max(input.allocatedCapitalPaise, equityPaise, ...input.earlierRows.map((r) => r.peakEquityPaise));
  const drawdownPct = peakEquityPaise > 0 ? (peakEquityPaise - equityPaise) / peakEquityPaise : 0;
  return { realizedPnlPaise, unrealizedPnlPaise, chargesPaise, netPnlPaise, tradesCount: input.closedToday.length, equityPaise, peakEquityPaise, drawdownPct };
}
