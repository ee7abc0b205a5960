import {
  adjustStrikesForDirectionalBias,
  adjustStrikesForSupportResistance,
  compareTimes,
  epochMsOfIst,
  istDateTimeOf,
  selectOptionExpiry,
  strangleEntryFilters,
  strangleExitDecision,
  strangleStrikes,
  addDays,
} from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import type { EntryEvaluation } from './entry/entry-evaluation';
import type { PositionAssessment } from './monitor/assess-position';
import type { DecisionRecord } from './ports/decision-journal.port';
import { sessionTimes, strategyHarness, tradingDays, type StrategyHarness } from './testing/strategy-harness';

const SEED = 7;
const FROM = '2026-03-02';
const TO = '2026-04-17';

const evaluationOf = (r: DecisionRecord) => r.inputs['evaluation'] as EntryEvaluation;
const assessmentOf = (r: DecisionRecord) => r.inputs['assessment'] as PositionAssessment;

describe('Kotak strangle over a simulated month and a half (seed 7, 5-minute ticks)', () => {
  let h: StrategyHarness;
  const violations: string[] = [];

  beforeAll(async () => {
    h = strategyHarness({
      startMs: epochMsOfIst(FROM, '09:15'),
      makeMarket: (clock, calendar) => new MarketSimulator({ seed: SEED, startDate: FROM, tickIntervalMs: 5 * 60_000, calendar }, clock),
    });
    for (const date of tradingDays(h.calendar, FROM, TO)) {
      for (const time of sessionTimes('09:15', '15:30', 5)) {
        await h.tickAt(date, time);
        const open = h.book.openPositions();
        if (open.length > 1) violations.push(`${date} ${time}: ${open.length} positions open`);
        for (const p of open) {
          if (p.expiry < date || (p.expiry === date && compareTimes(time, h.config.eodTime) >= 0)) violations.push(`${date} ${time}: ${p.positionId} still open on/after its expiry's ${h.config.eodTime}`);
        }
      }
    }
  }, 60_000);

  it('never holds two positions, and never carries one past 15:15 of its expiry day', () => {
    expect(violations).toEqual([]);
    expect(h.book.maxOpenPositions).toBe(1);
  });

  it('takes exactly one journalled entry decision per trading day, at the evaluation time', () => {
    const days = tradingDays(h.calendar, FROM, TO);
    const morning = h.journal.records.filter((r) => r.inputs['evaluation'] !== undefined);
    expect(morning.map((r) => istDateTimeOf(r.occurredAt).date)).toEqual(days);
    for (const r of morning) expect(istDateTimeOf(r.occurredAt).time).toBe('10:00:00');
    expect(new Set(morning.map((r) => r.kind))).toEqual(new Set(['ENTRY', 'SKIP', 'HOLD']));
  });

  it('enters only on days whose evaluation passed every filter, and skips naming the first failed filter', () => {
    const entries = h.journal.records.filter((r) => r.decision === 'ENTER');
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const r of [...entries, ...h.journal.records.filter((x) => x.reasonCode.startsWith('FILTER_FAILED:'))]) {
      const ev = evaluationOf(r);
      const m = ev.market!;
      const again = strangleEntryFilters({
        today: ev.date,
        ...m,
        events: m.highImpactEvents.map((e) => ({ ...e, importance: 'HIGH' as const })),
        hasActivePosition: false,
        thresholds: h.config.filters,
      });
      if (r.decision === 'ENTER') expect(again.allPassed).toBe(true);
      else expect(r.reasonCode).toBe(`FILTER_FAILED:${again.filters.find((f) => !f.passed)!.name}`);
    }
  });

  it('sells strikes equal to the formula, then the OI and bias adjustments, on the expiry of the 1-day rule', () => {
    const entries = h.journal.records.filter((r) => r.decision === 'ENTER');
    for (const r of entries) {
      const ev = evaluationOf(r);
      const m = ev.market!;
      const expiry = selectOptionExpiry({ today: ev.date, expiries: h.calendar.weeklyExpiries('NIFTY', ev.date, addDays(ev.date, 35)), minDaysToExpiry: 1 });
      const f = strangleStrikes({ spot: m.spot, vix: m.vix, daysToExpiry: expiry.daysToExpiry });
      const sr = adjustStrikesForSupportResistance({ callStrike: f.callStrike, putStrike: f.putStrike, spot: m.spot, resistance: ev.strikes!.oiLevels.resistance, support: ev.strikes!.oiLevels.support, roundTo: 100 });
      const bias = m.nifty3dChangePct > 1 ? 'BULLISH' : m.nifty3dChangePct < -1 ? 'BEARISH' : 'NEUTRAL';
      const final = adjustStrikesForDirectionalBias({ callStrike: sr.callStrike, putStrike: sr.putStrike, bias, roundTo: 100 });
      const legs = h.book.commands.filter((i) => i.strategyPositionId === r.positionId && i.purpose === 'ENTRY');
      expect(legs.map((i) => [i.instrument.optionType, i.instrument.strike, i.instrument.expiry, i.side, i.orderType])).toEqual([
        ['CE', final.callStrike, expiry.expiry, 'SELL', 'LIMIT'],
        ['PE', final.putStrike, expiry.expiry, 'SELL', 'LIMIT'],
      ]);
      expect(legs[0].quantity).toBe(ev.sizing!.lots * ev.sizing!.lotSize);
      expect(ev.sizing!.lotSize).toBe(65);
    }
  });

  it('exits only when the exit rule says so, at its moment, by buying back both legs', () => {
    const exits = h.journal.records.filter((r) => r.kind === 'EXIT' && r.decision === 'EXIT');
    expect(exits.length).toBeGreaterThanOrEqual(3);
    expect(new Set(exits.map((r) => r.reasonCode)).size).toBeGreaterThanOrEqual(3);
    for (const r of exits) {
      const a = assessmentOf(r);
      const again = strangleExitDecision({ premiumCollectedPaise: a.premiumCollectedPaise, costToClosePaise: a.costToClosePaise, today: a.date, now: a.time, expiryDate: a.expiry });
      expect([again.action, again.code]).toEqual(['EXIT', r.reasonCode]);
      if (r.reasonCode.startsWith('EOD') || r.reasonCode === 'EXPIRY_DAY_CLOSE') expect(compareTimes(a.time, '15:15')).toBeGreaterThanOrEqual(0);
      const buys = h.book.commands.filter((i) => i.strategyPositionId === r.positionId && i.purpose === 'EXIT');
      expect(buys.map((i) => [i.side, i.callerFigures])).toEqual([
        ['BUY', undefined],
        ['BUY', undefined],
      ]);
    }
    for (const r of h.journal.records.filter((x) => x.kind === 'HOLD' && x.decision === 'HOLD')) {
      const a = assessmentOf(r);
      expect(strangleExitDecision({ premiumCollectedPaise: a.premiumCollectedPaise, costToClosePaise: a.costToClosePaise, today: a.date, now: a.time, expiryDate: a.expiry }).action).toBe('HOLD');
    }
  });

  it('never adjusts by itself: delta alerts carry a recommendation, and every order is an entry sell or an exit buy', () => {
    const alerts = h.journal.ofKind('ALERT');
    expect(alerts.length).toBeGreaterThan(0);
    for (const r of alerts) {
      expect(Math.abs(r.inputs['netDelta'] as number)).toBeGreaterThan(300);
      expect(r.message).toMatch(/roll the short \d+ (CE|PE)/);
    }
    expect(h.alerts.alerts.some((a) => a.title.startsWith('Net delta'))).toBe(true);
    expect(h.book.commands.every((i) => (i.purpose === 'ENTRY' && i.side === 'SELL') || (i.purpose === 'EXIT' && i.side === 'BUY'))).toBe(true);
    expect(h.journal.ofKind('ADJUST')).toEqual([]);
  });

  it('journals every decision with its inputs', () => {
    expect(h.journal.records.length).toBeGreaterThan(50);
    for (const r of h.journal.records) {
      expect(Object.keys(r.inputs).length).toBeGreaterThan(0);
      expect(r.reasonCode).not.toBe('');
      expect(r.accountId).toBe('KOTAK');
    }
    const positionIds = new Set(h.book.commands.map((i) => i.strategyPositionId));
    for (const id of positionIds) expect(h.journal.records.some((r) => r.positionId === id && r.decision === 'ENTER')).toBe(true);
  });
});
