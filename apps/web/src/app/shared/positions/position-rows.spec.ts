import type { PositionUpdatedEvent } from '@mcube/contracts';
import { netPnlPaise, sortActiveFirst, withPositionUpdate, type PositionRow } from './position-rows';

const row = (over: Partial<PositionRow>): PositionRow => ({
  id: 1, accountId: 1, strategyType: 'WEEKLY_NIFTY_STRANGLE', status: 'CLOSED', state: 'CLOSED', exit: null, quantity: 65, direction: 'NEUTRAL', underlying: 'NIFTY',
  expiryDate: '2026-07-28', unrealizedPnlPaise: 0, realizedPnlPaise: 0, currentDelta: 0, exitReason: null,
  openedAt: '2026-07-21T04:30:00.000Z', closedAt: null, ...over,
});

const event = (over: Partial<PositionUpdatedEvent>): PositionUpdatedEvent => ({
  positionId: 7, accountId: 1, status: 'ACTIVE', state: 'ACTIVE', underlying: 'NIFTY', expiry: '2026-07-28', unrealizedPnlPaise: 1_234_500,
  realizedPnlPaise: 0, netDelta: -42.5, legs: [], atMs: Date.UTC(2026, 6, 22, 5, 0), ...over,
});

describe('sortActiveFirst', () => {
  it('lists active positions first, newest first within each status', () => {
    const sorted = sortActiveFirst([row({ id: 1 }), row({ id: 3 }), row({ id: 2, status: 'ACTIVE' }), row({ id: 4, status: 'ACTIVE' })]);
    expect(sorted.map((r) => r.id)).toEqual([4, 2, 3, 1]);
  });
});

describe('withPositionUpdate', () => {
  it('moves a marked position P&L and delta, leaving the other rows as they were', () => {
    const rows = [row({ id: 7, status: 'ACTIVE', unrealizedPnlPaise: 100 }), row({ id: 3 })];
    const next = withPositionUpdate(rows, event({}));
    expect(next[0]).toMatchObject({ id: 7, unrealizedPnlPaise: 1_234_500, currentDelta: -42.5, status: 'ACTIVE', strategyType: 'WEEKLY_NIFTY_STRANGLE' });
    expect(next[1]).toBe(rows[1]);
  });

  it('moves a position that closed below the active ones and stamps when it closed', () => {
    const rows = [row({ id: 7, status: 'ACTIVE' }), row({ id: 5, status: 'ACTIVE' })];
    const next = withPositionUpdate(rows, event({ status: 'CLOSED', realizedPnlPaise: -50_000, unrealizedPnlPaise: 0 }));
    expect(next.map((r) => [r.id, r.status])).toEqual([[5, 'ACTIVE'], [7, 'CLOSED']]);
    expect(next[1].closedAt).toBe('2026-07-22T05:00:00.000Z');
    expect(netPnlPaise(next[1])).toBe(-50_000);
  });

  it('keeps a closed position closed when a late ACTIVE mark arrives after the closing fill', () => {
    const rows = [row({ id: 7, status: 'CLOSED', realizedPnlPaise: -50_000 })];
    expect(withPositionUpdate(rows, event({ status: 'ACTIVE' }))).toEqual(rows);
  });

  it('shows a position EXITING from the event', () => {
    const next = withPositionUpdate([row({ id: 7, status: 'ACTIVE', state: 'ACTIVE' })], event({ state: 'EXITING' }));
    expect(next[0]).toMatchObject({ status: 'ACTIVE', state: 'EXITING' });
  });

  it('adds a position opened after the list was loaded', () => {
    const next = withPositionUpdate([row({ id: 3 })], event({ positionId: 9 }));
    expect(next.map((r) => r.id)).toEqual([9, 3]);
    expect(next[0]).toMatchObject({ accountId: 1, underlying: 'NIFTY', expiryDate: '2026-07-28', closedAt: null });
  });
});
