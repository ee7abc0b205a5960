import { averagingDecision } from '@mcube/domain';
import { resolveIciciFuturesConfig } from '../config/validate-config';
import type { FuturesPositionState } from '../ports/futures-account.port';
import { assessAveraging } from './averaging-plan';
import { levelsAfterAveraging } from './risk-levels';

// Averaging can only happen when the stop lies beyond the 1% trigger and the re-set stop below the
// trigger price (see iciciFuturesConfigWarnings): stop 1.5%, target 3%, re-set stop 1%.
const config = resolveIciciFuturesConfig({ stopLossPct: 1.5, targetPct: 3, averagedStopLossPct: 1 });
const levels = { stopLoss: 985, target: 1030, averagingAttempts: 0, originalQuantity: 2000 };
const position: FuturesPositionState = { positionId: 'p1', accountId: 'ICICI', underlying: 'INFY', expiry: '2026-12-29', direction: 'LONG', quantity: 2000, lotSize: 400, averagePrice: 1000, riskLevels: levels, openedAtMs: 0 };
const margin = { availablePaise: 1_00_00_000 * 100, inUsePaise: 4_00_000 * 100, openExposurePaise: 20_00_000 * 100 };
const assess = (over: Partial<Parameters<typeof assessAveraging>[0]> = {}) => assessAveraging({ position, levels, price: 990, margin, config, ...over });

describe('averaging (DECISIONS §1) within the gateway caps', () => {
  it('asks to add the original quantity 1% against the average, stop re-set from the new average, target 3% from it', () => {
    const a = assess();
    // Cap 20% of ₹1 Cr = ₹20 L ≥ 5 lots at ₹79,200 margin each. New average (1000 × 2000 + 990 × 2000) / 4000 = 995;
    // stop 995 × 0.99 = 985.05; target 995 × 1.03 = 1024.85.
    expect(a).toMatchObject({ action: 'AVERAGE', lots: 5, quantity: 2000, cappedBy: null, newAveragePrice: 995, newStopLoss: 985.05, newTarget: 1024.85, decision: { attempt: 1, requiresApproval: true } });
    expect(a.decision).toEqual(
      averagingDecision({ direction: 'LONG', averagePrice: 1000, currentPrice: 990, openQuantity: 2000, originalQuantity: 2000, lotSize: 400, attemptsMade: 0, availableMarginPaise: margin.availablePaise, marginPerLotPaise: 79_200_00, stopLossPct: 0.01 }),
    );
    expect(a).toMatchObject({ marginPaise: 5 * 79_200_00, exposurePaise: 5 * 3_96_000_00, riskPaise: 5 * 3_960_00 });
  });

  it('never asks for an averaging order the re-set stop would close at once (DECISIONS §1 as settled: 0.5% at a 1% trigger)', () => {
    // (1000 + 990) / 2 = 995; 995 × 0.995 = 990.025 → 990.05 ≥ 990: the stop is already reached.
    const a = assess({ config: { ...config, averagedStopLossPct: 0.5 } });
    expect(a).toMatchObject({ action: 'HOLD', lots: 0 });
    expect(a.reason).toMatch(/would be 990.05, already reached at 990: the position would be stopped out at once/);
  });

  it('holds one tick before the trigger, after the last attempt, and when averaging is off', () => {
    expect(assess({ price: 990.05 })).toMatchObject({ action: 'HOLD', lots: 0 });
    expect(assess({ levels: { ...levels, averagingAttempts: 2 } })).toMatchObject({ action: 'HOLD', reason: expect.stringMatching(/2 of 2 attempts/) });
    expect(assess({ config: { ...config, allowAveraging: false } })).toMatchObject({ action: 'HOLD', reason: 'Averaging is switched off' });
  });

  it('reduces the lots to the per-trade risk of the added quantity, keeping the domain rule’s exact average and stop for them', () => {
    const a = assess({ config: { ...config, perTradeRiskPaise: 8_000_00 } });
    // ₹8,000 ÷ ₹3,960 a lot = 2 lots. Average (1000 × 2000 + 990 × 800) / 2800 = 997.142857; stop × 0.99 = 987.171 → 987.20.
    expect(a).toMatchObject({ action: 'AVERAGE', lots: 2, quantity: 800, cappedBy: 'PER_TRADE_RISK', newStopLoss: 987.2 });
    expect(a.newAveragePrice).toBeCloseTo(997.142857, 6);
    expect(a.reason).toMatch(/Reduced from 5 lot\(s\) by the PER_TRADE_RISK cap/);
  });

  it('holds when the ₹1.5 Cr-style position cap leaves no room for a lot', () => {
    expect(assess({ config: { ...config, maxPositionExposurePaise: 22_00_000 * 100 } })).toMatchObject({ action: 'HOLD', cappedBy: 'POSITION_EXPOSURE', lotsAllowedBy: { POSITION_EXPOSURE: 0 } });
  });

  it('mirrors for a SHORT: triggers 1% above, stop above the new average', () => {
    const short = { ...position, direction: 'SHORT' as const };
    const a = assess({ position: short, levels: { ...levels, stopLoss: 1015, target: 970 }, price: 1010 });
    // (1000 × 2000 + 1010 × 2000) / 4000 = 1005; stop × 1.01 = 1015.05; target × 0.97 = 974.85.
    expect(a).toMatchObject({ action: 'AVERAGE', newAveragePrice: 1005, newStopLoss: 1015.05, newTarget: 974.85 });
  });

  it('after the fill, re-sets the stop from the actual new average and counts the attempt', () => {
    const filled = { ...position, quantity: 4000, averagePrice: 995.5 };
    // 995.5 × 0.99 = 985.545 → 985.55; 995.5 × 1.03 = 1025.365 → 1025.40.
    expect(levelsAfterAveraging(filled, levels, config)).toEqual({ stopLoss: 985.55, target: 1025.4, averagingAttempts: 1, originalQuantity: 2000 });
    expect(levelsAfterAveraging(filled, levels, { ...config, retargetAfterAveraging: false }).target).toBe(1030);
  });
});
