import type { PositionDetailResponse, PositionLegResponse } from '@mcube/contracts';
import { legExitable, legExiting, legsNowFlat } from './leg-exit';

const leg = (id: number, over: Partial<PositionLegResponse> = {}): PositionLegResponse =>
  ({ id, tradingSymbol: `S${id}`, name: `NIFTY 08 Dec 2675${id} CE`, side: 'SELL', quantity: 75, lotSize: 75, status: 'OPEN', exitState: 'NONE', greeks: null, ...over }) as PositionLegResponse;

describe('per-leg exit on the position page', () => {
  it('offers the exit for an open leg with no exit working, of an ACTIVE position only', () => {
    expect(legExitable({ status: 'ACTIVE' }, leg(1))).toBe(true);
    expect(legExitable({ status: 'ACTIVE' }, leg(1, { exitState: 'HELD' }))).toBe(true);
    expect(legExitable({ status: 'ACTIVE' }, leg(1, { exitState: 'WORKING' }))).toBe(false);
    expect(legExitable({ status: 'ACTIVE' }, leg(1, { exitState: 'CHASING' }))).toBe(false);
    expect(legExitable({ status: 'ACTIVE' }, leg(1, { status: 'CLOSED', quantity: 0 }))).toBe(false);
    expect(legExitable({ status: 'CLOSED' }, leg(1))).toBe(false);
  });

  it('shows progress while an exit works or was just sent, until the leg is flat', () => {
    expect(legExiting(leg(1), new Set())).toBe(false);
    expect(legExiting(leg(1), new Set([1]))).toBe(true);
    expect(legExiting(leg(1, { exitState: 'WORKING' }), new Set())).toBe(true);
    expect(legExiting(leg(1, { status: 'CLOSED', quantity: 0, exitState: 'FLAT' }), new Set([1]))).toBe(false);
  });

  it('names the followed legs that went flat, not the others', () => {
    const p = { legs: [leg(1, { status: 'CLOSED', quantity: 0 }), leg(2), leg(3, { quantity: 0 })] } as PositionDetailResponse;
    expect(legsNowFlat(p, new Set([1, 2])).map((l) => l.id)).toEqual([1]);
    expect(legsNowFlat(p, new Set([2, 3])).map((l) => l.id)).toEqual([3]);
    expect(legsNowFlat(p, new Set())).toEqual([]);
  });
});
