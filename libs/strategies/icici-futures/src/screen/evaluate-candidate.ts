import { addDays, analyzeSector, DomainError, screeningScore, selectFuturesExpiry, type FuturesDirection, type IsoDate } from '@mcube/domain';
import type { IciciFuturesConfig } from '../config/icici-futures.config';
import type { FuturesContractInfo, FuturesMarketPort } from '../ports/futures-market.port';
import { oiSignal } from '../signals/oi-signal';
import { computeTechnicals, roomToLevel, trendAligned } from '../signals/technicals';
import { barsSymbolOf, sectorIndexOf } from '../universe/sector-map.data';
import type { DroppedCandidate, ScreenedCandidate, SectorReading, UniverseMember } from './screen-report';

/** Calendar days of bars to ask for: `historySessions` trading sessions fit in about 1.6× as many days. */
const calendarDaysFor = (sessions: number) => Math.ceil(sessions * 1.6) + 10;

/**
 * Plan §6 steps 2–5 for one universe member, stopping at the first failed step with its code:
 * futures expiry by the 15-day rule → OI signal (the direction) → sector verdict over 3/7/21
 * sessions, which must allow that direction → technicals of completed daily bars → composite
 * score ≥ the minimum. Inputs the source cannot give are explicit: no futures OI → dropped
 * (OI_UNAVAILABLE) or, under `missingOiPolicy: 'SCORE_ZERO'`, scored 0 for OI with the direction
 * taken from the sector; no sector data → dropped (the sector filter is not optional).
 * Port rejections propagate (the caller records a DATA_ERROR drop).
 */
export async function evaluateCandidate(input: {
  member: UniverseMember;
  contracts: readonly FuturesContractInfo[];
  market: FuturesMarketPort;
  config: IciciFuturesConfig;
  date: IsoDate;
  lastSession: IsoDate;
}): Promise<ScreenedCandidate | DroppedCandidate> {
  const { member, market, config, date, lastSession } = input;
  const underlying = member.underlying;
  const drop = (code: DroppedCandidate['code'], reason: string, extra: Partial<DroppedCandidate> = {}): DroppedCandidate => ({ underlying, code, reason, ...extra });

  if (input.contracts.length === 0) return drop('NO_FUTURES_CONTRACT', `no ${underlying} future is listed on ${date}`);
  let expiry;
  try {
    expiry = selectFuturesExpiry({ today: date, expiries: input.contracts.map((c) => c.expiry), minDaysToExpiry: config.minDaysToExpiry });
  } catch (e) {
    if (e instanceof DomainError && e.code === 'NO_EXPIRY_AVAILABLE') return drop('NO_EXPIRY_AVAILABLE', e.message);
    throw e;
  }
  const contract = input.contracts.find((c) => c.expiry === expiry.expiry) as FuturesContractInfo;

  const [futures, options] = await Promise.all([
    market.futuresOpenInterest({ underlying, expiry: contract.expiry }),
    market.optionsOpenInterest({ underlying, date }),
  ]);
  const oi = oiSignal({ futures, options, oiChangeThresholdPct: config.oiChangeThresholdPct, pcrBullishAbove: config.pcrBullishAbove, pcrBearishBelow: config.pcrBearishBelow });
  if (!oi.available && config.missingOiPolicy === 'DROP') return drop('OI_UNAVAILABLE', oi.reason, { openInterest: oi });
  if (oi.available && oi.signal === 'NEUTRAL') return drop('NO_OI_SIGNAL', `OI gives no direction: ${oi.reason}`, { openInterest: oi });

  const index = sectorIndexOf(underlying, date);
  if (!index) return drop('SECTOR_UNKNOWN', `${underlying} has no sector index in the sector map`, { openInterest: oi });
  const perf = await market.sectorPerformance({ index, date: lastSession });
  if (!perf.available) return drop('SECTOR_UNAVAILABLE', `no ${index} performance at ${lastSession}: ${perf.reason}`, { openInterest: oi });
  const s = analyzeSector(perf.value);
  const sector: SectorReading = { index, verdict: s.verdict, ...perf.value, reason: s.reason };
  let direction: FuturesDirection;
  if (oi.available) {
    direction = oi.signal === 'BULLISH' ? 'LONG' : 'SHORT';
    const allowed = direction === 'LONG' ? s.allowLong : s.allowShort;
    if (!allowed) return drop('SECTOR_NOT_ALIGNED', `${direction} needs every ${index} timeframe on its side: ${s.reason}`, { direction, openInterest: oi, sector });
  } else if (s.verdict === 'MIXED') {
    return drop('SECTOR_NOT_ALIGNED', `no OI and a mixed sector give no direction: ${s.reason}`, { openInterest: oi, sector });
  } else {
    direction = s.verdict === 'STRONG_BULLISH' ? 'LONG' : 'SHORT';
  }

  const bars = (await market.dailyBars({ symbol: barsSymbolOf(underlying), from: addDays(lastSession, -calendarDaysFor(config.historySessions)), to: lastSession }))
    .filter((b) => b.date <= lastSession)
    .slice(-config.historySessions);
  const technicals = computeTechnicals(bars, config);
  const missing = !technicals || technicals.rsi === null || technicals.emaSlow === null || (config.trendRequiresMacd && technicals.macd === null);
  if (!technicals || missing) return drop('INSUFFICIENT_HISTORY', `${bars.length} completed daily bars of ${barsSymbolOf(underlying)} are too few for the indicators`, { direction, openInterest: oi, sector, technicals: technicals ?? undefined });

  const trend = trendAligned(technicals, direction, config.trendRequiresMacd);
  const room = roomToLevel(technicals, direction, config.targetPct);
  const score = {
    ...screeningScore({
      direction,
      oiSignal: oi.signal,
      oiConfidence: oi.confidence ?? 0,
      sectorVerdict: s.verdict,
      trendAligned: trend,
      rsi: technicals.rsi as number,
      roomToLevelOk: room,
      minScore: config.minScreeningScore,
      weights: config.scoreWeights,
    }),
    minimum: config.minScreeningScore,
  };
  if (!score.passed) return drop('SCORE_BELOW_MIN', `score ${score.score} below ${config.minScreeningScore}`, { direction, openInterest: oi, sector, technicals, score });
  return {
    underlying,
    kind: member.kind,
    contract,
    expiry,
    direction,
    directionSource: oi.available ? 'OI' : 'SECTOR',
    openInterest: oi,
    sector,
    technicals,
    trendAligned: trend,
    roomToLevelOk: room,
    score,
    averageTradedValueRupees: member.averageTradedValueRupees,
  };
}

/** Type guard: a passing candidate (a drop has a `code`). */
export function isScreened(r: ScreenedCandidate | DroppedCandidate): r is ScreenedCandidate {
  return !('code' in r);
}
