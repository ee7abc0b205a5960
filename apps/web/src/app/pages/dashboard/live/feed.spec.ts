import type { AlertResponse, DecisionResponse } from '@mcube/contracts';
import { unacknowledged, withAlert, withDecision } from './feed';

const alert = (id: number, occurredAtMs: number, over: Partial<AlertResponse> = {}): AlertResponse => ({
  id, accountId: 1, severity: 'WARNING', category: 'RISK', title: `alert ${id}`, message: 'm', occurredAtMs, acknowledgedAtMs: null, acknowledgedBy: null, ...over,
});
const decision = (id: number, occurredAtMs: number): DecisionResponse => ({
  id, accountId: 1, strategyType: 'WEEKLY_NIFTY_STRANGLE', kind: 'SKIP', decision: 'SKIP', reasonCode: 'VIX_TOO_HIGH', reason: 'r', positionId: null, inputs: {}, occurredAtMs,
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
