import { CROSS_PROCESS_EVENTS, crossProcessChannel, parseRelayedEvent } from './cross-process-events';

describe('cross-process events', () => {
  it('relays what one process makes for everyone, not what every process makes for itself', () => {
    expect(CROSS_PROCESS_EVENTS.has('backtest.progress')).toBe(true);
    expect(CROSS_PROCESS_EVENTS.has('order.updated')).toBe(true);
    expect(CROSS_PROCESS_EVENTS.has('market.tick')).toBe(false);
    expect(CROSS_PROCESS_EVENTS.has('market.clock')).toBe(false);
  });

  it("keeps each deployment's channel under its queue prefix", () => {
    expect(crossProcessChannel('mcube')).toBe('mcube:app-events');
    expect(crossProcessChannel('staging')).not.toBe(crossProcessChannel('mcube'));
  });

  it('parses a relayed event and refuses anything else', () => {
    const message = { event: 'backtest.progress', data: { runId: 3, status: 'RUNNING', progressPct: 40, daysDone: 4, daysTotal: 10, date: '2026-03-05', error: null, atMs: 1 } };
    expect(parseRelayedEvent(JSON.stringify({ origin: 'a', message }))).toEqual({ origin: 'a', message });
    expect(parseRelayedEvent('not json')).toBeUndefined();
    expect(parseRelayedEvent('null')).toBeUndefined();
    expect(parseRelayedEvent(JSON.stringify({ message }))).toBeUndefined();
    expect(parseRelayedEvent(JSON.stringify({ origin: 'a', message: { event: 'market.tick', data: {} } }))).toBeUndefined();
    expect(parseRelayedEvent(JSON.stringify({ origin: 'a', message: { event: 'no.such.event', data: {} } }))).toBeUndefined();
  });
});
