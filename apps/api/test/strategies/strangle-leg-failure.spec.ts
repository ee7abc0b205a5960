import { epochMsOfIst } from '@mcube/domain';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { intentIdFor } from '../../src/modules/orders/client-order-id';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { startStrangleHarness, type StrangleHarness } from './strangle-harness';

const DATE = '2026-03-11';
/** Filters opened wide so the day enters whatever the simulated cues (the subject here is the order path). */
const LENIENT = { maxGiftNiftyChangePct: 10, maxUsChangePct: 10, maxNifty1dChangePct: 10, maxNifty3dChangePct: 20, eventLookaheadDays: 0, maxVix: 100 };

describe('a strangle entry whose second leg the paper broker rejects (issue #6 done-when b)', () => {
  let h: StrangleHarness;

  afterEach(async () => {
    await h.close();
  });

  it('unwinds the filled first leg through the gateway and journals why', async () => {
    h = await startStrangleHarness({ driver: 'in-process', seed: 7, startDate: DATE, parameters: LENIENT });
    const entryMs = epochMsOfIst(DATE, '10:00');
    h.clock.set(entryMs);
    const ev = await h.runner.withStrategy(h.account.id, (s) => s.evaluateEntry(entryMs));
    expect(ev.decision).toBe('ENTER');
    // The legs' broker tags follow from the strategy's position id and the gateway's idempotency keys.
    const strategyPositionId = `${h.account.id}-KS-${DATE}-${entryMs}`;
    // A leg above the freeze quantity is sliced: its slices' tags are `<intent id>s<n>`.
    const tag = (leg: string) => new RegExp(`^${intentIdFor(h.account.id, `ks:${strategyPositionId}:ENTRY:${leg}`)}`);
    // The call is cancelled when the put fails, but the exchange had matched it first; the put is refused.
    h.paper.injectFault({ mode: 'FILL_AFTER_CANCEL', tag: tag(`CE${ev.strikes!.callStrike}`), times: 'ALWAYS' });
    h.paper.injectFault({ mode: 'REJECT', tag: tag(`PE${ev.strikes!.putStrike}`), reason: 'RMS: put leg blocked (test)', times: 'ALWAYS' });

    for (const time of ['10:00', '10:05', '10:10', '10:15']) await h.step(epochMsOfIst(DATE, time));

    expect(h.failures).toEqual([]);
    const journal = await h.dataSource.getRepository(DecisionJournalEntry).find({ order: { id: 'ASC' } });
    expect(journal.map((d) => d.decision)).toEqual(['ENTER', 'ENTRY_ABORTED', 'UNWIND_ORDER_SUBMITTED', 'UNWIND_COMPLETE']);
    const aborted = journal[1];
    expect(aborted.reasonCode).toBe('SECOND_LEG_REFUSED');
    expect(aborted.reason).toMatch(new RegExp(`${ev.strikes!.putStrike} PE rejected .*RMS: put leg blocked \\(test\\).*unwinding the other leg`));
    expect(aborted.inputs['unwind']).toEqual([{ optionType: 'CE', strike: ev.strikes!.callStrike, quantity: ev.sizing!.quantity }]);

    const orders = await h.dataSource.getRepository(Order).find({ order: { id: 'ASC' } });
    const summary = (purpose: string, type: string) => orders.filter((o) => o.purpose === purpose && o.instrumentType === type).map((o) => [o.side, o.status, o.filledQuantity]);
    const qty = ev.sizing!.quantity;
    expect(summary('ENTRY', 'PE').every(([side, status, filled]) => side === 'SELL' && status === 'REJECTED' && filled === 0)).toBe(true);
    expect(summary('ENTRY', 'CE').reduce((s, [, , filled]) => s + (filled as number), 0)).toBe(qty);
    expect(summary('EXIT', 'CE').reduce((s, [side, , filled]) => s + (side === 'BUY' ? (filled as number) : 0), 0)).toBe(qty);
    expect(summary('EXIT', 'PE')).toEqual([]);

    const [position] = await h.dataSource.getRepository(Position).find();
    expect(position).toMatchObject({ status: 'CLOSED' });
    expect((await h.paper.listPositions()).every((p) => p.netQuantity === 0)).toBe(true);
    const alerts = await h.dataSource.getRepository(Alert).find({ where: { category: 'STRATEGY' } });
    expect(alerts.map((a) => [a.severity, a.title])).toEqual([['CRITICAL', 'Strangle entry aborted: SECOND_LEG_REFUSED']]);
  }, 60_000);
});
