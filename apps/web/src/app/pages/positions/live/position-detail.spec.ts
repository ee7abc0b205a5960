import type { PositionDetailResponse, PositionLegResponse, PositionUpdatedEvent } from '@mcube/contracts';
import { withDetailUpdate, withMark } from './position-detail';

const leg = (id: number, tradingSymbol: string, over: Partial<PositionLegResponse> = {}): PositionLegResponse => ({
  id, tradingSymbol, name: tradingSymbol, underlying: 'NIFTY', instrumentType: 'PE', strike: 24_000, optionType: 'PE', expiryDate: '2026-07-28', side: 'SELL',
  quantity: 65, lotSize: 65, avgPricePaise: 10_000, lastPricePaise: 9_500, exitPricePaise: null, realizedPnlPaise: 0, status: 'OPEN', exitState: 'NONE',
  greeks: { iv: 0.15, delta: -0.2, gamma: 0.001, theta: -4, vega: 10 }, ...over,
});
const detail: PositionDetailResponse = {
  id: 7, accountId: 1, strategyType: 'WEEKLY_NIFTY_STRANGLE', status: 'ACTIVE', state: 'ACTIVE', exit: null, quantity: 65, direction: 'NEUTRAL', underlying: 'NIFTY', expiryDate: '2026-07-28',
  unrealizedPnlPaise: 0, realizedPnlPaise: 0, exitReason: null, openedAt: '2026-07-21T04:30:00.000Z', closedAt: null,
  legs: [leg(1, 'NIFTY26JUL24000PE'), leg(2, 'NIFTY26JUL25000CE', { optionType: 'CE', strike: 25_000, instrumentType: 'CE' })], netDelta: 10, spot: 24_500,
  metrics: {
    maxProfitPaise: null, maxLossPaise: null, maxProfitUnlimited: true, maxLossUnlimited: true, breakevens: [], probabilityOfProfit: null, premiumCollectedPaise: 0, costToClosePaise: null,
    capturedPct: null, marginBlockedPaise: null, returnOnMarginPct: null, daysToExpiry: 7, vol: null, yearsToExpiry: 7 / 365, shortStrikes: [], greeks: null, targetPct: null,
    targetProfitPaise: null, targetProgressPct: null, stopLossPaise: null, stopProgressPct: null, nextExitRule: null, asOfMs: 0,
  },
};
const event = (over: Partial<PositionUpdatedEvent>): PositionUpdatedEvent => ({
  positionId: 7, accountId: 1, status: 'ACTIVE', state: 'ACTIVE', underlying: 'NIFTY', expiry: '2026-07-28', unrealizedPnlPaise: 3_250_00, realizedPnlPaise: 0, netDelta: -55,
  legs: [{ tradingSymbol: 'NIFTY26JUL24000PE', optionType: 'PE', strike: 24_000, side: 'SELL', quantity: 65, avgPricePaise: 10_000, lastPricePaise: 5_000 }],
  atMs: 2_000, ...over,
});

describe('withDetailUpdate', () => {
  it('takes the P&L, delta and the marked leg price, keeping the greeks as loaded', () => {
    const next = withDetailUpdate(detail, event({}));
    expect(next).toMatchObject({ unrealizedPnlPaise: 3_250_00, netDelta: -55, status: 'ACTIVE' });
    expect(next.legs[0]).toMatchObject({ lastPricePaise: 5_000, greeks: detail.legs[0].greeks });
    expect(next.legs[1]).toBe(detail.legs[1]);
  });

  it('shows the position EXITING from the event, and a leg flat once its quantity is zero', () => {
    const exiting = withDetailUpdate({ ...detail, legs: detail.legs.map((l) => ({ ...l, exitState: 'WORKING' as const })) }, event({ state: 'EXITING', legs: [{ ...event({}).legs[0], quantity: 0 }] }));
    expect(exiting.state).toBe('EXITING');
    expect(exiting.legs.map((l) => l.exitState)).toEqual(['FLAT', 'WORKING']);
  });

  it('shows a leg flat once its quantity is zero, and the position closed', () => {
    const next = withDetailUpdate(detail, event({ status: 'CLOSED', state: 'CLOSED', legs: [{ ...event({}).legs[0], quantity: 0 }] }));
    expect(next.status).toBe('CLOSED');
    expect(next.legs[0]).toMatchObject({ quantity: 0, status: 'CLOSED' });
  });

  it('keeps a closed position closed when a late ACTIVE mark arrives after the closing fill', () => {
    const closed = withDetailUpdate(detail, event({ status: 'CLOSED', unrealizedPnlPaise: 0, realizedPnlPaise: 1_000_00 }));
    expect(withDetailUpdate(closed, event({ status: 'ACTIVE', atMs: 1_500 }))).toBe(closed);
  });

  it('ignores an event about another position', () => {
    expect(withDetailUpdate(detail, event({ positionId: 8 }))).toBe(detail);
  });
});

describe('withMark', () => {
  it('appends the event as the newest point of the P&L history, once per instant', () => {
    const marks = [{ atMs: 1_000, unrealizedPnlPaise: 100, realizedPnlPaise: 0, spot: 24_480, netDelta: 5 }];
    const once = withMark(marks, event({}), 24_510);
    expect(once.map((m) => m.atMs)).toEqual([1_000, 2_000]);
    expect(once[1]).toEqual({ atMs: 2_000, unrealizedPnlPaise: 3_250_00, realizedPnlPaise: 0, spot: 24_510, netDelta: -55 });
    expect(withMark(once, event({}), 24_510)).toHaveLength(2);
  });
});
