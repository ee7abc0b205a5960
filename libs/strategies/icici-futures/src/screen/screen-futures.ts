import type { IsoDate, NseCalendar } from '@mcube/domain';
import type { IciciFuturesConfig } from '../config/icici-futures.config';
import type { FuturesMarketPort } from '../ports/futures-market.port';
import { selectUniverse } from '../universe/select-universe';
import { evaluateCandidate, isScreened } from './evaluate-candidate';
import type { DroppedCandidate, ScreenedCandidate, ScreenResult } from './screen-report';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The futures screen of plan §6 on `date`, from completed sessions ending at `lastSession`:
 * universe by traded value, then every member through `evaluateCandidate`. A member whose data
 * the source fails to give is dropped as DATA_ERROR (the others are still screened). Passing
 * candidates come best first: score, then traded value, then name. No trading, no journal.
 */
export async function screenFutures(input: {
  market: FuturesMarketPort;
  calendar: NseCalendar;
  config: IciciFuturesConfig;
  date: IsoDate;
  lastSession: IsoDate;
}): Promise<ScreenResult> {
  const universe = await selectUniverse(input);
  const candidates: ScreenedCandidate[] = [];
  const dropped: DroppedCandidate[] = [];
  for (const member of universe.members) {
    try {
      const r = await evaluateCandidate({ ...input, member, contracts: universe.contracts.get(member.underlying) ?? [] });
      if (isScreened(r)) candidates.push(r);
      else dropped.push(r);
    } catch (e) {
      dropped.push({ underlying: member.underlying, code: 'DATA_ERROR', reason: messageOf(e) });
    }
  }
  candidates.sort(
    (a, b) => b.score.score - a.score.score || (b.averageTradedValueRupees ?? Infinity) - (a.averageTradedValueRupees ?? Infinity) || a.underlying.localeCompare(b.underlying),
  );
  return {
    lastSession: input.lastSession,
    liquidity: { lookbackSessions: input.config.liquidityLookbackSessions, sessionsRead: universe.sessionsRead, sessionsMissing: universe.sessionsMissing },
    universe: universe.members,
    candidates,
    dropped,
  };
}
