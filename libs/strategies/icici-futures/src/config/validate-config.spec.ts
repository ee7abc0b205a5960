import { DomainError, SCREENING_WEIGHTS } from '@mcube/domain';
import { ICICI_FUTURES_CONFIG_DEFAULTS } from './icici-futures.config';
import { iciciFuturesConfigWarnings, resolveIciciFuturesConfig, validateIciciFuturesConfig } from './validate-config';

describe('ICICI futures configuration', () => {
  it('has valid defaults: the plan’s 65 score, 0.70 confidence, 0.5%/1% stop/target, 1:2, 15 days, 2 averaging attempts at 1%, 20/50/50%', () => {
    expect(validateIciciFuturesConfig(ICICI_FUTURES_CONFIG_DEFAULTS)).toEqual([]);
    expect(ICICI_FUTURES_CONFIG_DEFAULTS).toMatchObject({
      universeSize: 50,
      liquidityLookbackSessions: 20,
      minScreeningScore: 65,
      minLlmConfidence: 0.7,
      stopLossPct: 0.5,
      targetPct: 1,
      minRiskRewardRatio: 2,
      minDaysToExpiry: 15,
      maxAverageAttempts: 2,
      averageTriggerPct: 1,
      averagingMarginCapFractions: [0.2, 0.5, 0.5],
      averagedStopLossPct: 0.5,
      firstTradeFraction: 0.5,
      perTradeRiskPaise: 60_000_00,
      maxPositionExposurePaise: 1_50_00_000_00,
      eodTime: '15:15',
      eodMinProfitPct: 50,
      preExpiryTradingDays: 2,
      preExpiryAction: 'CLOSE',
      approvalTtlMs: 600_000,
      scoreWeights: SCREENING_WEIGHTS,
    });
  });

  it('names every bad field', () => {
    const errors = validateIciciFuturesConfig({ ...ICICI_FUTURES_CONFIG_DEFAULTS, stopLossPct: 0, maxAverageAttempts: 4, preExpiryAction: 'HOLD', scoreWeights: { ...SCREENING_WEIGHTS, oi: 50 }, minLlmConfidence: 70, eodTime: '3pm' });
    expect(errors.map((e) => e.field).sort()).toEqual(['eodTime', 'maxAverageAttempts', 'minLlmConfidence', 'preExpiryAction', 'scoreWeights', 'stopLossPct']);
    expect(errors.find((e) => e.field === 'scoreWeights')!.message).toMatch(/add up to 100, got 110/);
  });

  it('checks the cross-field rules', () => {
    const fields = (over: object) => validateIciciFuturesConfig({ ...ICICI_FUTURES_CONFIG_DEFAULTS, ...over }).map((e) => e.field);
    expect(fields({ targetPct: 0.9 })).toEqual(['targetPct']);
    expect(fields({ emaFastPeriod: 60 })).toEqual(['emaSlowPeriod']);
    expect(fields({ screenStartTime: '11:30' })).toEqual(['entryWindowEnd']);
    expect(fields({ maxAverageAttempts: 3, averagingMarginCapFractions: [0.2, 0.5] })).toEqual(['averagingMarginCapFractions']);
    expect(fields({ historySessions: 40 })).toEqual(['historySessions']);
    expect(fields({ pcrBearishBelow: 1.5 })).toEqual(['pcrBearishBelow']);
  });

  it('warns that the plan’s own 0.5% stop is hit before the 1% trigger, and that a 0.5% re-set stop is hit at once after averaging', () => {
    expect(iciciFuturesConfigWarnings(ICICI_FUTURES_CONFIG_DEFAULTS)).toEqual([
      expect.stringMatching(/^averaging can never trigger: the stop \(0.5% from entry\)/),
      expect.stringMatching(/^averaging would stop out at once: .* 0.5025% under the new average, inside the 0.5% re-set stop/),
    ]);
    expect(iciciFuturesConfigWarnings(resolveIciciFuturesConfig({ stopLossPct: 1.5, targetPct: 3 }))).toHaveLength(1);
    expect(iciciFuturesConfigWarnings(resolveIciciFuturesConfig({ stopLossPct: 1.5, targetPct: 3, averagedStopLossPct: 1 }))).toEqual([]);
    expect(iciciFuturesConfigWarnings(resolveIciciFuturesConfig({ allowAveraging: false }))).toEqual([]);
  });

  it('reports a missing object instead of throwing, and resolve throws listing the errors', () => {
    expect(validateIciciFuturesConfig(undefined)).toEqual([{ field: '', message: 'configuration must be an object' }]);
    expect(() => resolveIciciFuturesConfig({ universeSize: 0 })).toThrow(DomainError);
    expect(() => resolveIciciFuturesConfig({ universeSize: 0 })).toThrow(/universeSize/);
  });
});
