import type { ExitAllAccountProgress, OrderUpdatedEvent, PositionUpdatedEvent, RiskStateEvent } from '@mcube/contracts';
import { isFlat, withOrderEvent, withPositionEvent, withRiskEvent } from './exit-all-progress';

const leg = (legId: number, tradingSymbol: string, optionType: 'CE' | 'PE') => ({ legId, tradingSymbol, name: `NIFTY 24 Dec 26000 ${optionType}`, optionType, strike: 26000, side: 'SELL' as const, openQuantity: 650, exitOrders: [{ id: legId * 10, status: 'ACCEPTED' }] });
const start: ExitAllAccountProgress[] = [{ accountId: 1, tradingState: 'REDUCING', halted: false, positions: [{ positionId: 7, denial: null, legs: [leg(1, 'NIFTY26DEC26500CE', 'CE'), leg(2, 'NIFTY26DEC25500PE', 'PE')] }] }];
const position = (legs: [string, number][], status: 'ACTIVE' | 'CLOSED' = 'ACTIVE') =>
  ({ positionId: 7, accountId: 1, status, legs: legs.map(([tradingSymbol, quantity]) => ({ tradingSymbol, quantity })) }) as unknown as PositionUpdatedEvent;

describe('exit-all progress', () => {
  it('follows a strangle whose put fills first and whose call lags, then halts', () => {
    let p = withPositionEvent(start, position([['NIFTY26DEC26500CE', 650], ['NIFTY26DEC25500PE', 0]]));
    expect(p[0].positions[0].legs.map((l) => l.openQuantity)).toEqual([650, 0]);
    expect(isFlat(p[0])).toBe(false);
    // The chaser re-sends the lagging call: a new exit order on its leg.
    p = withOrderEvent(p, { orderId: 10, positionId: 7, purpose: 'EXIT', tradingSymbol: 'NIFTY26DEC26500CE', status: 'CANCELED' } as OrderUpdatedEvent);
    p = withOrderEvent(p, { orderId: 30, positionId: 7, purpose: 'EXIT', tradingSymbol: 'NIFTY26DEC26500CE', status: 'ACCEPTED' } as OrderUpdatedEvent);
    expect(p[0].positions[0].legs[0].exitOrders).toEqual([{ id: 10, status: 'CANCELED' }, { id: 30, status: 'ACCEPTED' }]);
    p = withPositionEvent(p, position([], 'CLOSED'));
    expect(isFlat(p[0])).toBe(true);
    p = withRiskEvent(p, { accountId: 1, tradingState: 'HALTED', killSwitch: { state: 'HALTED' } } as RiskStateEvent);
    expect({ state: p[0].tradingState, halted: p[0].halted }).toEqual({ state: 'HALTED', halted: true });
  });

  it('ignores entry orders and other positions', () => {
    expect(withOrderEvent(start, { orderId: 99, positionId: 7, purpose: 'ENTRY', tradingSymbol: 'NIFTY26DEC26500CE', status: 'FILLED' } as OrderUpdatedEvent)).toEqual(start);
    expect(withPositionEvent(start, { ...position([], 'CLOSED'), positionId: 8 })).toEqual(start);
  });
});
