import { legExitState, positionExitDisplay, type LegExitOrder } from './leg-exit-state';

const o = (status: LegExitOrder['status'], canceledByPerson = false): LegExitOrder => ({ status, canceledByPerson });

describe('legExitState', () => {
  it.each([
    ['a flat leg', { openQuantity: 0, exitRequested: true, orders: [o('ACCEPTED')] }, 'FLAT'],
    ['a working exit', { openQuantity: 650, exitRequested: true, orders: [o('CANCELED'), o('ACCEPTED')] }, 'WORKING'],
    ['a working exit with no position exit requested', { openQuantity: 650, exitRequested: false, orders: [o('PARTIALLY_FILLED')] }, 'WORKING'],
    ['a pending cancel still working', { openQuantity: 650, exitRequested: true, orders: [o('PENDING_CANCEL')] }, 'WORKING'],
    ['canceled by the chaser', { openQuantity: 650, exitRequested: true, orders: [o('CANCELED')] }, 'CHASING'],
    ['rejected by the broker', { openQuantity: 650, exitRequested: true, orders: [o('REJECTED')] }, 'CHASING'],
    ['requested, nothing sent yet', { openQuantity: 650, exitRequested: true, orders: [] }, 'CHASING'],
    ['canceled by a person', { openQuantity: 650, exitRequested: true, orders: [o('CANCELED', true)] }, 'HELD'],
    ['a person canceled an earlier attempt, the last was the chaser', { openQuantity: 650, exitRequested: true, orders: [o('CANCELED', true), o('CANCELED')] }, 'CHASING'],
    ['no exit requested', { openQuantity: 650, exitRequested: false, orders: [o('CANCELED', true)] }, 'NONE'],
  ] as const)('%s → %s', (_, input, expected) => {
    expect(legExitState(input)).toBe(expected);
  });
});

describe('positionExitDisplay', () => {
  it('shows EXITING only while an active position has an exit requested', () => {
    expect(positionExitDisplay('ACTIVE', false)).toBe('ACTIVE');
    expect(positionExitDisplay('ACTIVE', true)).toBe('EXITING');
    expect(positionExitDisplay('CLOSED', true)).toBe('CLOSED');
  });
});
