import { DomainError } from '../errors/domain-error';
import { strangleExitDecision, StrangleExitInput } from './exit-decision';

const RUPEE = 100;
// A position that collected ₹50,000 of premium; expiry Tuesday 2026-08-18.
const base: StrangleExitInput = {
  premiumCollectedPaise: 50_000 * RUPEE,
  costToClosePaise: 40_000 * RUPEE,
  today: '2026-08-13',
  now: '11:00',
  expiryDate: '2026-08-18',
};
const decide = (over: Partial<StrangleExitInput>) => strangleExitDecision({ ...base, ...over });

describe('strangleExitDecision', () => {
  it('holds mid-session with no condition met', () => {
    expect(decide({})).toMatchObject({ action: 'HOLD', code: 'NO_EXIT_CONDITION', alert: false, profitPaise: 10_000 * RUPEE });
  });

  it('exits at any time once 70% of the premium is captured, and not one paisa before', () => {
    // 70% of ₹50,000 = ₹35,000 profit → cost to close ₹15,000.
    expect(decide({ costToClosePaise: 15_000 * RUPEE })).toMatchObject({ action: 'EXIT', code: 'TARGET_HIT' });
    expect(decide({ costToClosePaise: 15_000 * RUPEE + 1 }).code).toBe('NO_EXIT_CONDITION');
  });

  it('exits when the loss reaches 100% of the premium, and not one paisa before', () => {
    // Loss ₹50,000 → cost to close ₹1,00,000.
    expect(decide({ costToClosePaise: 1_00_000 * RUPEE })).toMatchObject({ action: 'EXIT', code: 'STOP_LOSS_HIT', alert: true });
    expect(decide({ costToClosePaise: 1_00_000 * RUPEE - 1 }).code).toBe('NO_EXIT_CONDITION');
  });

  it('exits on the ₹1 L per-position stop before 100% of a larger premium is lost', () => {
    // Premium ₹2,00,000: 100% would be ₹2 L, but ₹1 L loss comes first.
    const big = { premiumCollectedPaise: 2_00_000 * RUPEE };
    expect(decide({ ...big, costToClosePaise: 3_00_000 * RUPEE })).toMatchObject({ action: 'EXIT', code: 'POSITION_STOP_HIT' });
    expect(decide({ ...big, costToClosePaise: 3_00_000 * RUPEE - 1 }).code).toBe('NO_EXIT_CONDITION');
  });

  it('names the lower stop threshold when both are breached', () => {
    // Premium ₹50,000, loss ₹1.2 L: the 100%-of-premium stop (₹50,000) was crossed first.
    expect(decide({ costToClosePaise: 1_70_000 * RUPEE }).code).toBe('STOP_LOSS_HIT');
    // Premium ₹2 L, loss ₹2.5 L: the ₹1 L position stop was crossed first.
    expect(decide({ premiumCollectedPaise: 2_00_000 * RUPEE, costToClosePaise: 4_50_000 * RUPEE }).code).toBe('POSITION_STOP_HIT');
  });

  it('exits at the 15:15 EOD check when profit is at least 50% of premium', () => {
    // 50% of ₹50,000 = ₹25,000 → cost ₹25,000.
    expect(decide({ now: '15:15', costToClosePaise: 25_000 * RUPEE })).toMatchObject({ action: 'EXIT', code: 'EOD_MIN_PROFIT_MET' });
    expect(decide({ now: '15:20:00', costToClosePaise: 20_000 * RUPEE }).code).toBe('EOD_MIN_PROFIT_MET');
  });

  it('holds at EOD below 50% profit with a warning and an alert', () => {
    const r = decide({ now: '15:15', costToClosePaise: 25_000 * RUPEE + 1 });
    expect(r).toMatchObject({ action: 'HOLD', code: 'EOD_HOLD_BELOW_MIN_PROFIT', alert: true });
    expect(r.reason).toContain('EOD warning');
    expect(decide({ now: '15:30', costToClosePaise: 60_000 * RUPEE }).code).toBe('EOD_HOLD_BELOW_MIN_PROFIT');
  });

  it('does not run the EOD check before 15:15 or on a non-trading day', () => {
    expect(decide({ now: '15:14:59', costToClosePaise: 20_000 * RUPEE }).code).toBe('NO_EXIT_CONDITION');
    expect(decide({ now: '15:20', isTradingDay: false, costToClosePaise: 20_000 * RUPEE }).code).toBe('NO_EXIT_CONDITION');
  });

  it('closes on expiry day at 15:15 even at a loss, but not at 15:14:59', () => {
    const expiry = { today: '2026-08-18', costToClosePaise: 70_000 * RUPEE };
    const r = decide({ ...expiry, now: '15:15' });
    expect(r).toMatchObject({ action: 'EXIT', code: 'EXPIRY_DAY_CLOSE', profitPaise: -20_000 * RUPEE });
    expect(decide({ ...expiry, now: '15:14:59' }).code).toBe('NO_EXIT_CONDITION');
  });

  it('still reports a stop or target first on expiry day', () => {
    expect(decide({ today: '2026-08-18', now: '15:16', costToClosePaise: 1_00_000 * RUPEE }).code).toBe('STOP_LOSS_HIT');
    expect(decide({ today: '2026-08-18', now: '15:16', costToClosePaise: 5_000 * RUPEE }).code).toBe('TARGET_HIT');
  });

  it('honours configured target, stop, EOD time and minimum profit', () => {
    expect(decide({ targetPct: 20, costToClosePaise: 40_000 * RUPEE }).code).toBe('TARGET_HIT');
    expect(decide({ stopLossPct: 50, costToClosePaise: 75_000 * RUPEE }).code).toBe('STOP_LOSS_HIT');
    expect(decide({ now: '14:00', eodTime: '14:00', eodMinProfitPct: 10, costToClosePaise: 45_000 * RUPEE }).code).toBe(
      'EOD_MIN_PROFIT_MET',
    );
    expect(decide({ perPositionStopPaise: 10_000 * RUPEE, costToClosePaise: 60_000 * RUPEE }).code).toBe('POSITION_STOP_HIT');
  });

  it('rejects zero premium, negative cost, bad times and a date after expiry', () => {
    expect(() => decide({ premiumCollectedPaise: 0 })).toThrow(DomainError);
    expect(() => decide({ costToClosePaise: -1 })).toThrow(DomainError);
    expect(() => decide({ costToClosePaise: 1.5 })).toThrow(DomainError);
    expect(() => decide({ now: '25:00' })).toThrow(DomainError);
    expect(() => decide({ today: '2026-08-19' })).toThrow(DomainError);
  });
});
