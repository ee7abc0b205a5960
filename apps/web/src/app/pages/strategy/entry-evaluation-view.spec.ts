import { combinedPremium, decisionTone, filterValues } from './entry-evaluation-view';

describe('entry evaluation view', () => {
  it('colours each decision', () => {
    expect([decisionTone('ENTER'), decisionTone('SKIP'), decisionTone('MONITOR')]).toEqual(['text-bg-success', 'text-bg-danger', 'text-bg-warning']);
  });

  it('lists a filter’s values as text, objects as JSON and nulls as a dash', () => {
    expect(filterValues({ vix: 14.2, maxVix: 22, event: null, legs: { ce: 1 } })).toEqual([
      { key: 'vix', value: '14.2' },
      { key: 'maxVix', value: '22' },
      { key: 'event', value: '—' },
      { key: 'legs', value: '{"ce":1}' },
    ]);
  });

  it('rounds measured levels to 2 decimals and small ratios to 4, integers as they are', () => {
    expect(filterValues({ upper: 26582.725903756003, change: 0.94213, pct: -1.65, lots: 3 }).map((v) => v.value)).toEqual(['26582.73', '0.9421', '-1.65', '3']);
  });

  it('adds both premiums without float noise, and has none when a leg is unknown', () => {
    expect(combinedPremium({ callPremium: 0.1, putPremium: 0.2 })).toBe(0.3);
    expect(combinedPremium({ callPremium: 80.5, putPremium: null })).toBeNull();
  });
});
