import { DomainError } from '@mcube/domain';
import { KOTAK_STRANGLE_CONFIG_DEFAULTS } from './kotak-strangle.config';
import { resolveKotakStrangleConfig, validateKotakStrangleConfig } from './validate-config';

describe('strangle configuration', () => {
  it('has valid defaults matching the plan as amended (window 09:15–11:30, 10:00, 15:15, 70/100/50, 0.40 × 0.5)', () => {
    expect(validateKotakStrangleConfig(KOTAK_STRANGLE_CONFIG_DEFAULTS)).toEqual([]);
    expect(KOTAK_STRANGLE_CONFIG_DEFAULTS).toMatchObject({
      entryWindowStart: '09:15',
      entryWindowEnd: '11:30',
      entryTime: '10:00',
      eodTime: '15:15',
      targetPct: 70,
      stopLossPct: 100,
      eodMinProfitPct: 50,
      baseDeltaPct: 0.5,
      roundTo: 100,
      deltaThreshold: 300,
      maxMarginUsage: 0.4,
      firstTradeFraction: 0.5,
    });
  });

  it('names every bad field', () => {
    const errors = validateKotakStrangleConfig({
      ...KOTAK_STRANGLE_CONFIG_DEFAULTS,
      targetPct: 0,
      eodTime: '25:00',
      maxMarginUsage: 40,
      roundTo: 75,
      legFillTimeoutMs: -1,
      entryLimitMode: 'BEST',
      filters: { ...KOTAK_STRANGLE_CONFIG_DEFAULTS.filters, maxVix: -1, eventLookaheadDays: 1.5 },
    });
    expect(errors.map((e) => e.field).sort()).toEqual(['entryLimitMode', 'eodTime', 'filters.eventLookaheadDays', 'filters.maxVix', 'legFillTimeoutMs', 'maxMarginUsage', 'roundTo', 'targetPct']);
    expect(errors.find((e) => e.field === 'maxMarginUsage')!.message).toContain('0.40 means 40%');
  });

  it('checks the window, the evaluation time inside it, and the VIX regime order', () => {
    const errors = validateKotakStrangleConfig({ ...KOTAK_STRANGLE_CONFIG_DEFAULTS, entryWindowStart: '11:30', entryWindowEnd: '09:15', vixElevatedAbove: 19, vixHighAbove: 18 });
    expect(errors.map((e) => e.field)).toEqual(['entryWindowEnd', 'entryTime', 'vixHighAbove']);
    expect(validateKotakStrangleConfig({ ...KOTAK_STRANGLE_CONFIG_DEFAULTS, entryTime: '11:30' }).map((e) => e.field)).toEqual(['entryTime']);
  });

  it('reports a missing object or missing fields instead of throwing', () => {
    expect(validateKotakStrangleConfig(null)).toEqual([{ field: '', message: 'configuration must be an object' }]);
    expect(validateKotakStrangleConfig({}).map((e) => e.field)).toContain('filters');
  });

  it('resolves overrides over the defaults, merging filter thresholds, and throws on an invalid result', () => {
    const c = resolveKotakStrangleConfig({ targetPct: 60, filters: { maxVix: 25 } });
    expect([c.targetPct, c.filters.maxVix, c.filters.maxGiftNiftyChangePct]).toEqual([60, 25, 0.5]);
    expect(() => resolveKotakStrangleConfig({ stopLossPct: Number.NaN })).toThrow(DomainError);
    expect(() => resolveKotakStrangleConfig({ stopLossPct: Number.NaN })).toThrow(/stopLossPct/);
  });
});
