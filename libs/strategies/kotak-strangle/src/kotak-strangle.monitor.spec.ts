import { epochMsOfIst, type StrategyOrderCommand } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { strategyHarness } from './testing/strategy-harness';

const DAY = '2026-03-11';

function harness() {
  return strategyHarness({
    startMs: epochMsOfIst(DAY, '09:15'),
    makeMarket: (clock, calendar) => new MarketSimulator({ seed: 7, startDate: '2026-03-02', tickIntervalMs: 5 * 60_000, calendar }, clock),
  });
}

describe('monitoring the open strangle', () => {
  it('journals an unchanged HOLD at most once a minute (the first right after the fill)', async () => {
    const h = harness();
    await h.tickAt(DAY, '10:00');
    for (const t of ['10:00:05', '10:00:10', '10:00:30', '10:00:55', '10:01:00', '10:01:05']) await h.tickAt(DAY, t);
    const holds = h.journal.records.filter((r) => r.decision === 'HOLD');
    expect(holds.map((r) => r.occurredAt)).toEqual([epochMsOfIst(DAY, '10:00'), epochMsOfIst(DAY, '10:01')]);
    expect(holds[0].inputs['assessment']).toMatchObject({ expiry: '2026-03-17' });
  });

  it('raises a CRITICAL alert, once, when the account holds a naked leg', async () => {
    const h = harness();
    h.clock.set(epochMsOfIst(DAY, '10:30'));
    const call: StrategyOrderCommand = {
      segment: 'NFO-OPT',
      instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 25700, optionType: 'CE' },
      side: 'SELL',
      quantity: 65,
      orderType: 'LIMIT',
      limitPrice: 5,
      purpose: 'ENTRY',
      strategyPositionId: 'P-NAKED',
    };
    await h.book.submit(call);
    await h.tickAt(DAY, '10:30');
    await h.tickAt(DAY, '10:30:05');
    expect(h.journal.records.filter((r) => r.decision === 'UNBALANCED_POSITION').map((r) => r.positionId)).toEqual(['P-NAKED']);
    expect(h.alerts.alerts.filter((a) => a.title === 'Unbalanced strangle position').map((a) => a.severity)).toEqual(['CRITICAL']);
    expect(h.book.commands).toHaveLength(1);
  });
});
