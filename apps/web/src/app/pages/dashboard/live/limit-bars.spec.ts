import { deltaGauge, lossBar, targetBar } from './limit-bars';

describe('lossBar', () => {
  const limit = 2_00_000_00; // ₹2 L

  it('fills with a loss only, and warns from 75 % of the limit', () => {
    expect(lossBar(50_000_00, limit)).toEqual({ pct: 0, level: 'ok' });
    expect(lossBar(-1_00_000_00, limit)).toEqual({ pct: 50, level: 'ok' });
    expect(lossBar(-1_50_000_00, limit)).toEqual({ pct: 75, level: 'warn' });
  });

  it('shows a breach at the limit and caps the bar at full width beyond it', () => {
    expect(lossBar(-2_00_000_00, limit)).toEqual({ pct: 100, level: 'breach' });
    expect(lossBar(-3_00_000_00, limit)).toEqual({ pct: 100, level: 'breach' });
  });

  it('draws nothing without a limit', () => {
    expect(lossBar(-1, null)).toBeNull();
  });
});

describe('targetBar', () => {
  it('fills with a profit only and says when the target is reached', () => {
    const target = 1_75_000_00;
    expect(targetBar(-10_000_00, target)).toEqual({ pct: 0, level: 'ok' });
    expect(targetBar(35_000_00, target)).toEqual({ pct: 20, level: 'ok' });
    expect(targetBar(1_75_000_00, target)).toEqual({ pct: 100, level: 'reached' });
    expect(targetBar(1, null)).toBeNull();
  });
});

describe('deltaGauge', () => {
  it('centres a neutral position and marks ±threshold at a third of the way out', () => {
    expect(deltaGauge(0, 300)).toEqual({ markerPct: 50, lowPct: 16.7, highPct: 83.3, breached: false });
  });

  it('is breached strictly beyond the threshold, on either side', () => {
    expect(deltaGauge(300, 300)?.breached).toBe(false);
    expect(deltaGauge(300.5, 300)?.breached).toBe(true);
    expect(deltaGauge(-420, 300)).toMatchObject({ markerPct: 3.3, breached: true });
  });

  it('pins a far-out delta to the end of the scale', () => {
    expect(deltaGauge(5_000, 300)?.markerPct).toBe(100);
  });

  it('draws nothing without a delta', () => {
    expect(deltaGauge(null, 300)).toBeNull();
  });
});
