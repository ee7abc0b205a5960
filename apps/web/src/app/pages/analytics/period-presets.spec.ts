import { periodOf } from './period-presets';

describe('periodOf', () => {
  it('ends the presets on the given IST day', () => {
    // Thursday 2026-11-19: its ISO week starts Monday the 16th.
    expect(periodOf('WEEK', '2026-11-19', {})).toEqual({ from: '2026-11-16', to: '2026-11-19' });
    expect(periodOf('MONTH', '2026-11-19', {})).toEqual({ from: '2026-11-01', to: '2026-11-19' });
    expect(periodOf('LAST_30', '2026-11-19', {})).toEqual({ from: '2026-10-21', to: '2026-11-19' });
    expect(periodOf('ALL', '2026-11-19', {})).toEqual({});
    expect(periodOf('CUSTOM', '2026-11-19', { from: '2026-11-02', to: '' })).toEqual({ from: '2026-11-02', to: undefined });
  });

  it('starts a Sunday in the week of the Monday before', () => {
    expect(periodOf('WEEK', '2026-11-22', {})).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });
});
