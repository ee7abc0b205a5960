import type { Paise } from '../money/paise';
import type { IsoDate } from '../time/ist-date';

/** What one account's day row is computed from (paise). */
export interface DailyPnlInputs {
  readonly allocatedCapitalPaise: Paise;
  /** Positions that closed on the row's IST date: gross realised P&L and the charges of all their fills. */
  readonly closedToday: readonly { readonly realizedPnlPaise: Paise; readonly chargesPaise: Paise }[];
  /** The still-active position, if any: its realised (net) and unrealised P&L. */
  readonly activePosition: { readonly realizedPnlPaise: Paise; readonly unrealizedPnlPaise: Paise } | null;
  /** Rows of the account before the row's date. */
  readonly earlierRows: readonly { readonly tradeDate: IsoDate; readonly netPnlPaise: Paise; readonly peakEquityPaise: Paise }[];
}

/** The figures of a day row. */
export interface DailyPnlValues {
  readonly realizedPnlPaise: Paise;
  readonly unrealizedPnlPaise: Paise;
  readonly chargesPaise: Paise;
  readonly netPnlPaise: Paise;
  readonly tradesCount: number;
  readonly equityPaise: Paise;
  readonly peakEquityPaise: Paise;
  /** Fraction of the peak (0.05 = 5%). */
  readonly drawdownPct: number;
}

/**
 * The day row of an account, consistent with the risk checks (`riskPnlFacts` adds the active
 * position's P&L to the rows): `netPnlPaise` is ONLY the P&L of positions closed that day, net
 * of their charges; `unrealizedPnlPaise` is the active position's open P&L (its realised part
 * from partial exits plus its mark) and is NOT in `netPnlPaise`. Equity = allocated capital +
 * every earlier row's net + today's net + the open P&L; the peak never falls below earlier
 * peaks or the allocated capital. The API's `dailyPnlValues`, moved here unchanged. Pure.
 */
export function dailyPnlValues(input: DailyPnlInputs): DailyPnlValues {
  const realizedPnlPaise = input.closedToday.reduce((s, p) => s + p.realizedPnlPaise, 0);
  const chargesPaise = input.closedToday.reduce((s, p) => s + p.chargesPaise, 0);
  const netPnlPaise = realizedPnlPaise - chargesPaise;
  const unrealizedPnlPaise = input.activePosition ? input.activePosition.realizedPnlPaise + input.activePosition.unrealizedPnlPaise : 0;
  const earlierNet = input.earlierRows.reduce((s, r) => s + r.netPnlPaise, 0);
  const equityPaise = input.allocatedCapitalPaise + earlierNet + netPnlPaise + unrealizedPnlPaise;
  let peakEquityPaise = Math.max(input.allocatedCapitalPaise, equityPaise);
  for (const r of input.earlierRows) peakEquityPaise = Math.max(peakEquityPaise, r.peakEquityPaise);
  const drawdownPct = peakEquityPaise > 0 ? (peakEquityPaise - equityPaise) / peakEquityPaise : 0;
  return { realizedPnlPaise, unrealizedPnlPaise, chargesPaise, netPnlPaise, tradesCount: input.closedToday.length, equityPaise, peakEquityPaise, drawdownPct };
}
