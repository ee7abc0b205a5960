import type { IsoDate, NseCalendar } from '@mcube/domain';
import type { IciciFuturesConfig } from '../config/icici-futures.config';
import type { FuturesContractInfo, FuturesMarketPort } from '../ports/futures-market.port';
import type { UniverseMember } from '../screen/screen-report';

/** The day's universe with the listed futures of each member. */
export interface Universe {
  readonly members: readonly UniverseMember[];
  readonly contracts: ReadonlyMap<string, readonly FuturesContractInfo[]>;
  readonly sessionsRead: readonly IsoDate[];
  readonly sessionsMissing: readonly IsoDate[];
}

/** The `count` trading days ending at `last` (inclusive), oldest first. */
export function lastSessions(calendar: NseCalendar, last: IsoDate, count: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = last; out.length < count; d = calendar.previousTradingDay(d)) out.push(d);
  return out.reverse();
}

/**
 * Universe of plan §6 step 1: the `universeSize` F&O stocks with futures listed on `date` that
 * traded the most value on average over the `liquidityLookbackSessions` completed sessions
 * ending at `lastSession` (a session without the stock counts as zero; a session the source
 * cannot give is left out and reported), plus the configured index futures when listed.
 * Ties keep the alphabetical order.
 */
export async function selectUniverse(input: {
  market: FuturesMarketPort;
  calendar: NseCalendar;
  config: IciciFuturesConfig;
  date: IsoDate;
  lastSession: IsoDate;
}): Promise<Universe> {
  const { market, calendar, config } = input;
  const contracts = new Map<string, FuturesContractInfo[]>();
  for (const c of await market.futuresContracts(input.date)) {
    const list = contracts.get(c.underlying) ?? [];
    list.push(c);
    contracts.set(c.underlying, list);
  }
  const sessionsRead: IsoDate[] = [];
  const sessionsMissing: IsoDate[] = [];
  const totals = new Map<string, { sum: number; days: number }>();
  for (const session of lastSessions(calendar, input.lastSession, config.liquidityLookbackSessions)) {
    const rows = await market.sessionLiquidity(session).catch(() => null);
    if (!rows || rows.length === 0) {
      sessionsMissing.push(session);
      continue;
    }
    sessionsRead.push(session);
    for (const r of rows) {
      if (!(r.tradedValueRupees > 0)) continue;
      const t = totals.get(r.symbol) ?? { sum: 0, days: 0 };
      totals.set(r.symbol, { sum: t.sum + r.tradedValueRupees, days: t.days + 1 });
    }
  }
  const indices = new Set(config.indexUnderlyings);
  const stocks: UniverseMember[] = [...totals.entries()]
    .filter(([symbol]) => !indices.has(symbol) && contracts.has(symbol))
    .map(([symbol, t]) => ({ underlying: symbol, kind: 'STOCK' as const, averageTradedValueRupees: t.sum / sessionsRead.length, sessionsWithData: t.days }))
    .sort((a, b) => (b.averageTradedValueRupees ?? 0) - (a.averageTradedValueRupees ?? 0) || a.underlying.localeCompare(b.underlying))
    .slice(0, config.universeSize);
  const indexMembers: UniverseMember[] = config.indexUnderlyings
    .filter((u) => contracts.has(u))
    .map((u) => ({ underlying: u, kind: 'INDEX' as const, averageTradedValueRupees: null, sessionsWithData: 0 }));
  return { members: [...indexMembers, ...stocks], contracts, sessionsRead, sessionsMissing };
}
