import { createDefaultNseCalendar } from '@mcube/domain';
import { resolveIciciFuturesConfig } from '../config/validate-config';
import { real } from '../testing/scripted-market.fake';
import { LAST_SESSION, SCREEN_DATE, screenScenario } from '../testing/screen-scenario';
import { screenFutures } from './screen-futures';

const calendar = createDefaultNseCalendar();
const screen = (market = screenScenario(calendar), overrides = {}) => screenFutures({ market, calendar, config: resolveIciciFuturesConfig(overrides), date: SCREEN_DATE, lastSession: LAST_SESSION });

describe('the futures screen (plan §6) on a scripted market', () => {
  it('ranks the universe by traded value over the look-back, index futures included, and reports every member', async () => {
    const r = await screen();
    expect(r.universe.map((u) => u.underlying)).toEqual(['NIFTY', 'INFY', 'TCS', 'SBIN', 'HDFCBANK', 'RELIANCE', 'ITC', 'LT', 'ZZZCORP', 'WIPRO']);
    expect(r.universe[1]).toMatchObject({ kind: 'STOCK', averageTradedValueRupees: 9e9, sessionsWithData: 20 });
    expect(r.liquidity.sessionsRead).toHaveLength(20);
    expect(r.liquidity.sessionsRead.at(-1)).toBe(LAST_SESSION);
    expect(r.candidates.length + r.dropped.length).toBe(r.universe.length);
  });

  it('keeps only the top universeSize stocks, and counts a session the source lacks as missing', async () => {
    const market = screenScenario(calendar);
    market.missingSessions.add(LAST_SESSION);
    const r = await screen(market, { universeSize: 3 });
    expect(r.universe.map((u) => u.underlying)).toEqual(['NIFTY', 'INFY', 'TCS', 'SBIN']);
    expect(r.liquidity.sessionsMissing).toEqual([LAST_SESSION]);
    expect(r.liquidity.sessionsRead).toHaveLength(19);
  });

  it('passes a LONG whose OI, PCR, sector and technicals agree at 100, and ranks it first', async () => {
    const r = await screen();
    expect(r.candidates.map((c) => [c.underlying, c.direction, c.score.score])).toEqual([
      ['INFY', 'LONG', 100],
      ['SBIN', 'SHORT', 100],
      // No option chain: the futures signal alone, confidence 0.65 → OI 40 × 0.65 / 0.85 = 30.59.
      ['TCS', 'LONG', 90.59],
    ]);
    const infy = r.candidates[0];
    expect(infy).toMatchObject({
      directionSource: 'OI',
      contract: { expiry: '2026-12-29', lotSize: 400 },
      expiry: { expiry: '2026-12-29', daysToExpiry: 28, skipped: false },
      openInterest: { available: true, signal: 'BULLISH', confidence: 0.85, optionsSignal: 'BULLISH', pcr: 1.5 },
      sector: { index: 'NIFTY IT', verdict: 'STRONG_BULLISH', perf3d: 0.8, perf7d: 1.6, perf21d: 3.2 },
      trendAligned: true,
      roomToLevelOk: true,
      score: { passed: true, minimum: 65, components: { oi: 40, sector: 30, trend: 15, rsi: 10, room: 5 } },
    });
    expect(infy.openInterest.reason).toMatch(/^Long buildup: OI \+7\.0%, Price \+1\.0%$/);
    expect(r.candidates[2].openInterest).toMatchObject({ optionsSignal: 'UNAVAILABLE', pcr: null, optionsSource: 'UNAVAILABLE' });
  });

  it('drops every other member with the step that failed and the figures reached', async () => {
    const r = await screen();
    const drops = Object.fromEntries(r.dropped.map((d) => [d.underlying, d.code]));
    expect(drops).toEqual({
      NIFTY: 'OI_UNAVAILABLE',
      HDFCBANK: 'SECTOR_NOT_ALIGNED',
      RELIANCE: 'OI_UNAVAILABLE',
      ITC: 'NO_OI_SIGNAL',
      LT: 'SECTOR_UNAVAILABLE',
      ZZZCORP: 'SECTOR_UNKNOWN',
      WIPRO: 'INSUFFICIENT_HISTORY',
    });
    const hdfc = r.dropped.find((d) => d.underlying === 'HDFCBANK')!;
    expect(hdfc).toMatchObject({ direction: 'LONG', sector: { index: 'NIFTY BANK', verdict: 'STRONG_BEARISH' } });
    expect(r.dropped.find((d) => d.underlying === 'RELIANCE')!.reason).toMatch(/futures OI unavailable: the replay has no futures OI/);
  });

  it('under missingOiPolicy SCORE_ZERO scores OI 0, takes the direction from the sector, and marks it', async () => {
    const r = await screen(screenScenario(calendar), { missingOiPolicy: 'SCORE_ZERO' });
    const ril = r.dropped.find((d) => d.underlying === 'RELIANCE')!;
    // OI 0 + sector 30 + trend 15 + RSI 10 + room 5 = 60 < 65: a missing primary signal cannot pass at the defaults.
    expect(ril).toMatchObject({ code: 'SCORE_BELOW_MIN', direction: 'LONG', score: { score: 60, components: { oi: 0, sector: 30 } }, openInterest: { available: false } });
    const lowered = await screen(screenScenario(calendar), { missingOiPolicy: 'SCORE_ZERO', minScreeningScore: 60 });
    expect(lowered.candidates.find((c) => c.underlying === 'RELIANCE')).toMatchObject({ directionSource: 'SECTOR', direction: 'LONG', score: { score: 60 } });
  });

  it('drops a candidate below the stored minimum score with its breakdown', async () => {
    const r = await screen(screenScenario(calendar), { minScreeningScore: 95 });
    expect(r.candidates.map((c) => c.underlying)).toEqual(['INFY', 'SBIN']);
    expect(r.dropped.find((d) => d.underlying === 'TCS')).toMatchObject({ code: 'SCORE_BELOW_MIN', score: { score: 90.59, minimum: 95, passed: false } });
  });

  it('at the default weights OI and sector alone reach 70 ≥ 65: technicals rank candidates but cannot veto them', async () => {
    const market = screenScenario(calendar);
    const infy = market.underlyings.get('INFY')!;
    market.add('INFY', { ...infy, bars: [...market.underlyings.get('SBIN')!.bars] });
    const r = await screen(market);
    expect(r.candidates.find((c) => c.underlying === 'INFY')).toMatchObject({ score: { score: 75, components: { oi: 40, sector: 30, trend: 0, rsi: 0, room: 5 } } });
  });

  it('takes the futures expiry by the 15-day rule (a contract with fewer days rolls to the next)', async () => {
    const market = screenScenario(calendar);
    market.add('INFY', { ...market.underlyings.get('INFY')!, expiries: ['2026-12-10', '2027-01-26'] });
    market.add('TCS', { ...market.underlyings.get('TCS')!, expiries: ['2026-12-10'] });
    const r = await screen(market);
    expect(r.candidates.find((c) => c.underlying === 'INFY')!.expiry).toMatchObject({ expiry: '2027-01-26', skipped: true });
    expect(r.dropped.find((d) => d.underlying === 'TCS')).toMatchObject({ code: 'NO_EXPIRY_AVAILABLE' });
  });

  it('drops one member whose data fails as DATA_ERROR and screens the rest', async () => {
    const market = screenScenario(calendar);
    market.failing.add('SBIN');
    const r = await screen(market);
    expect(r.dropped.find((d) => d.underlying === 'SBIN')).toMatchObject({ code: 'DATA_ERROR', reason: 'feed down for SBIN' });
    expect(r.candidates.map((c) => c.underlying)).toEqual(['INFY', 'TCS']);
  });

  it('requires every sector timeframe on the trade side: one flat timeframe is MIXED', async () => {
    const market = screenScenario(calendar);
    market.sectors.set('NIFTY IT', real({ asOfDate: LAST_SESSION, perf3d: 0.8, perf7d: 0, perf21d: 3 }));
    const r = await screen(market);
    expect(r.dropped.filter((d) => d.code === 'SECTOR_NOT_ALIGNED').map((d) => d.underlying).sort()).toEqual(['HDFCBANK', 'INFY', 'TCS', 'WIPRO']);
  });
});
