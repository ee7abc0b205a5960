import { createDefaultNseCalendar, epochMsOfIst } from '@mcube/domain';
import { ICICI_FUTURES_CONFIG_DEFAULTS as C } from '../config/icici-futures.config';
import type { FuturesPositionState } from '../ports/futures-account.port';
import { assessFuturesPosition, lastTradingDaysOf } from './assess-position';

const calendar = createDefaultNseCalendar();
const levels = { stopLoss: 995, target: 1010, averagingAttempts: 0, originalQuantity: 800 };
const long: FuturesPositionState = { positionId: 'p1', accountId: 'ICICI', underlying: 'INFY', expiry: '2026-12-29', direction: 'LONG', quantity: 800, lotSize: 400, averagePrice: 1000, riskLevels: levels, openedAtMs: 0 };
const short: FuturesPositionState = { ...long, direction: 'SHORT' };
const shortLevels = { ...levels, stopLoss: 1005, target: 990 };
const at = (date: string, time: string, price: number, position = long, config = C) =>
  assessFuturesPosition({ position, levels: position === short ? shortLevels : levels, touch: { lastPrice: price, asOfMs: 0, source: 'REAL' }, nowMs: epochMsOfIst(date, time), calendar, config });

describe('futures exits (plan §1, §3; pre-expiry rule)', () => {
  it('finds the last two trading days of the December contract across the Christmas holiday', () => {
    expect(lastTradingDaysOf(calendar, '2026-12-29', 2)).toEqual(['2026-12-28', '2026-12-29']);
    expect(calendar.nextTradingDay('2026-12-24')).toBe('2026-12-28');
  });

  it.each([
    ['stop touched', '2026-12-01', '10:00', 995, 'EXIT', 'STOP_LOSS_HIT', true],
    ['stop gapped through', '2026-12-01', '10:00', 990, 'EXIT', 'STOP_LOSS_HIT', true],
    ['target reached', '2026-12-01', '10:00', 1010, 'EXIT', 'TARGET_HIT', false],
    ['between stop and target', '2026-12-01', '10:00', 1005, 'HOLD', 'NO_EXIT_CONDITION', false],
    ['one second before the EOD check', '2026-12-01', '15:14:59', 1005, 'HOLD', 'NO_EXIT_CONDITION', false],
    ['EOD at exactly 50% of the target distance', '2026-12-01', '15:15', 1005, 'EXIT', 'EOD_MIN_PROFIT_MET', false],
    ['EOD one tick short of 50%', '2026-12-01', '15:15', 1004.95, 'HOLD', 'EOD_HOLD_BELOW_MIN_PROFIT', true],
    ['EOD at a loss', '2026-12-01', '15:20', 998, 'HOLD', 'EOD_HOLD_BELOW_MIN_PROFIT', true],
    ['the session before the last two days, before EOD', '2026-12-24', '14:00', 1001, 'HOLD', 'NO_EXIT_CONDITION', false],
    ['the session before the last two days, at EOD', '2026-12-24', '15:15', 1001, 'EXIT', 'PRE_EXPIRY_CLOSE', true],
    ['inside the last two days', '2026-12-28', '09:30', 1001, 'EXIT', 'PRE_EXPIRY_CLOSE', true],
    ['on expiry day', '2026-12-29', '09:15', 1001, 'EXIT', 'PRE_EXPIRY_CLOSE', true],
  ])('LONG: %s (%s %s at %d) → %s %s', (_name, date, time, price, action, code, alert) => {
    expect(at(date, time, price).exit).toMatchObject({ action, code, alert });
  });

  it('lets a stop win over the pre-expiry rule, and rolls instead of closing when told to', () => {
    expect(at('2026-12-28', '09:30', 994).exit.code).toBe('STOP_LOSS_HIT');
    expect(at('2026-12-28', '09:30', 1001, long, { ...C, preExpiryAction: 'ROLL' }).exit).toMatchObject({ action: 'EXIT', code: 'PRE_EXPIRY_ROLL' });
  });

  it.each([
    ['stop above', 1005, 'EXIT', 'STOP_LOSS_HIT'],
    ['target below', 990, 'EXIT', 'TARGET_HIT'],
    ['in between', 1000, 'HOLD', 'NO_EXIT_CONDITION'],
  ])('SHORT: %s', (_name, price, action, code) => {
    expect(at('2026-12-01', '10:00', price, short).exit).toMatchObject({ action, code });
  });

  it('values the position: P&L in paise and profit as a percent of the target distance', () => {
    const a = at('2026-12-01', '10:00', 1004);
    expect(a).toMatchObject({ pnlPaise: 4 * 800 * 100, profitPctOfTarget: 40, price: 1004, stopLoss: 995, target: 1010, preExpiryDays: ['2026-12-28', '2026-12-29'] });
    expect(at('2026-12-01', '10:00', 997, short).pnlPaise).toBe(3 * 800 * 100);
  });
});
