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
    // Both legs are one entry (leg n's key `…:ENTRY#n`); a leg above the freeze quantity is sliced: its slices' tags are `<intent id>s<n>`.
    const tag = (leg: 1 | 2) => new RegExp(`^${intentIdFor(h.account.id, `ks:${strategyPositionId}:ENTRY#${leg}`)}`);
    // The call is cancelled when the put fails, but the exchange had matched it first; the put is refused.
    h.paper.injectFault({ mode: 'FILL_AFTER_CANCEL', tag: tag(1), times: 'ALWAYS' });
    h.paper.injectFault({ mode: 'REJECT', tag: tag(2), reason: 'RMS: put leg blocked (test)', times: 'ALWAYS' });

    for (const time of ['10:00', '10:05', '10:10', '10:15']) await h.step(epochMsOfIst(DATE, time));

    expect(h.failures).toEqual([]);
    const journal = await h.dataSource.getRepository(DecisionJournalEntry).find({ order: { id: 'ASC' } });
    expect(journal.map((d) => d.decision)).toEqual(['ENTER', 'ENTRY_ABORTED', 'UNWIND_ORDER_SUBMITTED', 'UNWIND_COMPLETE']);
    const aborted = journal[1];
    expect(aborted.reasonCode).toBe('SECOND_LEG_REFUSED');
    expect(aborted.reason).toMatch(new RegExp(`${ev.strikes!.putStrike} PE rejected .*RMS: put leg blocked \\(test\\).*unwinding the other leg`));

    const orders = await h.dataSource.getRepository(Order).find({ order: { id: 'ASC' } });
    const of = (purpose: string, type: string) => orders.filter((o) => o.purpose === purpose && o.instrumentType === type);
    const filled = (rows: Order[]) => rows.reduce((sum, o) => sum + o.filledQuantity, 0);
    // Slices go out call, put, call, put…: the put's first slice was rejected, so nothing more left mCube.
    const [firstPut, ...laterPuts] = of('ENTRY', 'PE');
    expect([firstPut.side, firstPut.status, firstPut.filledQuantity]).toEqual(['SELL', 'REJECTED', 0]);
    expect(laterPuts.every((o) => o.status === 'CANCELED' && o.filledQuantity === 0)).toBe(true);
    const [firstCall, ...laterCalls] = of('ENTRY', 'CE');
    expect(laterCalls.every((o) => o.status === 'CANCELED' && o.filledQuantity === 0 && /^not sent/.test(o.statusReason ?? ''))).toBe(true);
    expect(firstCall.filledQuantity).toBe(firstCall.quantity);
    const callFilled = filled(of('ENTRY', 'CE'));
    expect(callFilled).toBe(Math.min(ev.sizing!.quantity, 1755));
    expect(aborted.inputs['unwind']).toEqual([{ optionType: 'CE', strike: ev.strikes!.callStrike, quantity: callFilled }]);
    expect(filled(of('EXIT', 'CE').filter((o) => o.side === 'BUY'))).toBe(callFilled);
    expect(of('EXIT', 'PE')).toEqual([]);

    const [position] = await h.dataSource.getRepository(Position).find();
    expect(position).toMatchObject({ status: 'CLOSED' });
    expect((await h.paper.listPositions()).every((p) => p.netQuantity === 0)).toBe(true);
    const alerts = await h.dataSource.getRepository(Alert).find({ where: { category: 'STRATEGY' } });
    expect(alerts.map((a) => [a.severity, a.title])).toEqual([['CRITICAL', 'Strangle entry aborted: SECOND_LEG_REFUSED']]);
  }, 60_000);

  describe('with the put lagging behind the call', () => {
    const entryMs = epochMsOfIst(DATE, '10:00');
    const putTag = (h: StrangleHarness) => new RegExp(`^${intentIdFor(h.account.id, `ks:${h.account.id}-KS-${DATE}-${entryMs}:ENTRY#2`)}`);
    const decisions = async () => (await h.dataSource.getRepository(DecisionJournalEntry).find({ order: { id: 'ASC' } })).map((d) => d.decision);

    it('waits for the lagging put while the fill timeout allows, and the entry completes with both legs', async () => {
      h = await startStrangleHarness({ driver: 'in-process', seed: 7, startDate: DATE, parameters: LENIENT, runtime: { legFillTimeoutMs: 30 * 60_000 } });
      h.paper.injectFault({ mode: 'DELAYED_FILL', passes: 2, tag: putTag(h), times: 'ALWAYS' });
      await h.step(entryMs);
      const legs = async () => (await h.dataSource.getRepository(Order).find({ where: { purpose: 'ENTRY' } })).reduce<Record<string, number>>((m, o) => ({ ...m, [o.instrumentType]: (m[o.instrumentType] ?? 0) + o.filledQuantity }), {});
      const first = await legs();
      expect(first['CE']).toBeGreaterThan(0);
      expect(first['PE']).toBe(0);
      for (const time of ['10:05', '10:10', '10:15']) await h.step(epochMsOfIst(DATE, time));

      expect(h.failures).toEqual([]);
      const done = await legs();
      expect(done['PE']).toBe(done['CE']);
      // The put's fill is pushed as the order sync settles it (10:10), not seen at the next tick: the 10:15 tick already monitors the position.
      expect(await decisions()).toEqual(['ENTER', 'ENTRY_FILLED', 'HOLD']);
      const filledAt = (await h.dataSource.getRepository(DecisionJournalEntry).findOneByOrFail({ decision: 'ENTRY_FILLED' })).occurredAt.getTime();
      expect(filledAt).toBe(epochMsOfIst(DATE, '10:10'));
      expect((await h.paper.listPositions()).map((p) => p.netQuantity).sort()).toEqual([-done['CE'], -done['CE']]);
    }, 60_000);

    it('cancels the put still working at the fill timeout and unwinds the filled call', async () => {
      h = await startStrangleHarness({ driver: 'in-process', seed: 7, startDate: DATE, parameters: LENIENT });
      h.paper.injectFault({ mode: 'DELAYED_FILL', passes: 1000, tag: putTag(h), times: 'ALWAYS' });
      for (const time of ['10:00', '10:05', '10:10', '10:15']) await h.step(epochMsOfIst(DATE, time));

      expect(h.failures).toEqual([]);
      const journal = await h.dataSource.getRepository(DecisionJournalEntry).find({ order: { id: 'ASC' } });
      expect(journal.map((d) => d.decision)).toEqual(['ENTER', 'ENTRY_ABORTED', 'UNWIND_ORDER_SUBMITTED', 'UNWIND_COMPLETE']);
      expect(journal[1].reasonCode).toBe('LEG_FILL_TIMEOUT');
      const puts = await h.dataSource.getRepository(Order).find({ where: { purpose: 'ENTRY', instrumentType: 'PE' } });
      expect(puts.every((o) => o.status === 'CANCELED' && o.filledQuantity === 0)).toBe(true);
      expect((await h.paper.listPositions()).every((p) => p.netQuantity === 0)).toBe(true);
      expect(await h.dataSource.getRepository(Position).findOneByOrFail({ accountId: h.account.id })).toMatchObject({ status: 'CLOSED' });
    }, 60_000);
  });
});
