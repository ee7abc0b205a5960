import type { AlertResponse, DecisionResponse } from '@mcube/contracts';
import { timelineRows, unacknowledged, withAlert, withDecision } from './feed';

const alert = (id: number, occurredAtMs: number, over: Partial<AlertResponse> = {}): AlertResponse => ({
  id, accountId: 1, severity: 'WARNING', category: 'RISK', title: `alert ${id}`, message: 'm', occurredAtMs, acknowledgedAtMs: null, acknowledgedBy: null, ...over,
});
const decision = (id: number, occurredAtMs: number, kind: DecisionResponse['kind'] = 'SKIP'): DecisionResponse => ({
  id, accountId: 1, strategyType: 'WEEKLY_NIFTY_STRANGLE', kind, decision: kind, reasonCode: kind === 'SKIP' ? 'VIX_TOO_HIGH' : null, reason: 'r', positionId: null, inputs: {}, occurredAtMs,
});

describe('withAlert', () => {
  it('puts a new alert on top and keeps at most the limit', () => {
    const next = withAlert([alert(2, 200), alert(1, 100)], alert(3, 300), 2);
    expect(next.map((a) => a.id)).toEqual([3, 2]);
  });

  it('replaces an acknowledged alert in place instead of duplicating it', () => {
    const next = withAlert([alert(2, 200), alert(1, 100)], alert(1, 100, { acknowledgedAtMs: 400, acknowledgedBy: 'trader' }));
    expect(next.map((a) => a.id)).toEqual([2, 1]);
    expect(next[1].acknowledgedBy).toBe('trader');
    expect(unacknowledged(next)).toBe(1);
  });
});

describe('withDecision', () => {
  // 2026-07-22 10:00 IST = 04:30 UTC.
  const today = '2026-07-22';
  const tenAm = Date.UTC(2026, 6, 22, 4, 30);

  it('adds a decision of the IST day shown, newest first', () => {
    const next = withDecision([decision(1, tenAm)], decision(2, tenAm + 60_000), today);
    expect(next.map((d) => d.id)).toEqual([2, 1]);
  });

  it('ignores a decision of another IST day (the page was left open past midnight IST)', () => {
    const nextDayIst = Date.UTC(2026, 6, 22, 18, 30);
    expect(withDecision([decision(1, tenAm)], decision(2, nextDayIst), today).map((d) => d.id)).toEqual([1]);
  });

  it('keeps one entry per id when the same event arrives twice', () => {
    expect(withDecision([decision(1, tenAm)], decision(1, tenAm), today)).toHaveLength(1);
  });
});

describe('the timeline on the market date, HOLD heartbeats collapsed', () => {
  const today = '2026-12-01';
  const tenAm = Date.UTC(2026, 11, 1, 4, 30);
  const minute = 60_000;

  it('keeps the 10:00 SKIP however many HOLD heartbeats follow it (it fell off a 100-row page before)', () => {
    let list: DecisionResponse[] = [decision(1, tenAm, 'SKIP')];
    for (let i = 0; i < 300; i++) list = withDecision(list, decision(100 + i, tenAm + (i + 1) * minute, 'HOLD'), today, 50);
    expect(list.map((d) => [d.id, d.kind])).toEqual([
      [399, 'HOLD'],
      [1, 'SKIP'],
    ]);
  });

  it('ignores an older HOLD arriving after a newer one', () => {
    const list = withDecision([decision(5, tenAm + 5 * minute, 'HOLD')], decision(4, tenAm + 4 * minute, 'HOLD'), today);
    expect(list.map((d) => d.id)).toEqual([5]);
  });

  it('shows one monitoring row with the latest heartbeat on top, then ENTRY/SKIP/EXIT pinned, newest first', () => {
    const rows = timelineRows([
      decision(1, tenAm, 'ENTRY'),
      decision(2, tenAm + minute, 'HOLD'),
      decision(3, tenAm + 2 * minute, 'HOLD'),
      decision(4, tenAm + 3 * minute, 'ALERT'),
      decision(5, tenAm + 4 * minute, 'EXIT'),
    ]);
    expect(rows.map((r) => (r.type === 'monitoring' ? ['monitoring', r.latest.id] : [r.decision.kind, r.pinned]))).toEqual([
      ['monitoring', 3],
      ['EXIT', true],
      ['ALERT', false],
      ['ENTRY', true],
    ]);
  });

  it('has no monitoring row without a heartbeat', () => {
    expect(timelineRows([decision(1, tenAm, 'SKIP')]).map((r) => r.type)).toEqual(['decision']);
  });
});
