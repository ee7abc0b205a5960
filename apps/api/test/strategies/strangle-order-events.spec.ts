import { epochMsOfIst } from '@mcube/domain';
import type { OrderUpdatedEvent } from '@mcube/contracts';
import { KotakStrangleStrategy } from '@mcube/strategy-kotak-strangle';
import { intentIdFor } from '../../src/modules/orders/client-order-id';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { startStrangleHarness, type StrangleHarness } from './strangle-harness';

const DATE = '2026-03-11';
/** Filters opened wide so the day enters whatever the simulated cues (the subject here is the order path). */
const LENIENT = { maxGiftNiftyChangePct: 10, maxUsChangePct: 10, maxNifty1dChangePct: 10, maxNifty3dChangePct: 20, eventLookaheadDays: 0, maxVix: 100 };
const ENTRY_MS = epochMsOfIst(DATE, '10:00');

// Issue 13: fills reach the strategy as pushed `order.updated` events (after commit), not by the
// monitor tick polling order status. Here no monitor tick runs at all unless a test runs one:
// the entry is the morning job's call, then only order-sync passes (paper matching + settlement)
// at the same market instant, each followed by the runner's handling of what it published.
describe('strangle orders pushed to the runner (no monitor tick in between)', () => {
  let h: StrangleHarness;
  let ticks: jest.SpyInstance;
  const legTag = (leg: 1 | 2) => new RegExp(`^${intentIdFor(h.account.id, `ks:${h.account.id}-KS-${DATE}-${ENTRY_MS}:ENTRY#${leg}`)}`);
  const decisions = async () => (await h.dataSource.getRepository(DecisionJournalEntry).find({ order: { id: 'ASC' } })).map((d) => d.decision);
  const filledOf = async (purpose: Order['purpose']) => (await h.dataSource.getRepository(Order).find({ where: { purpose } })).reduce<Record<string, number>>((m, o) => ({ ...m, [o.instrumentType]: (m[o.instrumentType] ?? 0) + o.filledQuantity }), {});
  /** The morning entry job's call on the account's strategy (no monitor tick). */
  const enter = async () => {
    h.clock.set(ENTRY_MS);
    const ev = await h.runner.withStrategy(h.account.id, (s) => s.runDailyEntry(ENTRY_MS));
    expect(ev?.decision).toBe('ENTER');
  };
  /** The `positions.monitor` job at the current instant (the safety net). */
  const monitorTick = () => h.runner.forEachStrategy((s) => s.onTick(h.clock.nowMs()));
  const pushed: OrderUpdatedEvent[] = [];

  beforeEach(() => {
    ticks = jest.spyOn(KotakStrangleStrategy.prototype, 'onTick');
    pushed.length = 0;
  });

  afterEach(async () => {
    ticks.mockRestore();
    await h.close();
  });

  const start = async (runtime: Record<string, number> = {}) => {
    h = await startStrangleHarness({ driver: 'in-process', seed: 7, startDate: DATE, parameters: LENIENT, runtime });
    h.bus.subscribe((m) => void (m.event === 'order.updated' && pushed.push(m.data)));
  };

  it('the lagging put fill completes the entry as it is pushed, before any tick', async () => {
    await start({ legFillTimeoutMs: 30 * 60_000 });
    h.paper.injectFault({ mode: 'DELAYED_FILL', passes: 2, tag: legTag(2), times: 'ALWAYS' });
    await enter();
    expect(await decisions()).toEqual(['ENTER']);

    await h.syncOrders();
    const callFirst = await filledOf('ENTRY');
    expect(callFirst['CE']).toBeGreaterThan(0);
    expect(callFirst['PE'] ?? 0).toBe(0);
    // The call's fill was pushed and seen: the entry still waits for the put.
    expect(await decisions()).toEqual(['ENTER']);
    expect(h.runner.nowMs()).toBe(ENTRY_MS);

    for (let pass = 0; pass < 4 && (await decisions()).length < 2; pass++) await h.syncOrders();

    const done = await filledOf('ENTRY');
    expect(done['PE']).toBe(done['CE']);
    expect(await decisions()).toEqual(['ENTER', 'ENTRY_FILLED']);
    const filled = await h.dataSource.getRepository(DecisionJournalEntry).findOneByOrFail({ decision: 'ENTRY_FILLED' });
    expect(filled.occurredAt.getTime()).toBe(ENTRY_MS);
    expect(ticks).not.toHaveBeenCalled();
    expect(await h.runner.withStrategy(h.account.id, async (s) => s.phase)).toBe('IDLE');
    expect(pushed.some((e) => e.status === 'FILLED' && legTag(2).test(e.clientOrderId))).toBe(true);
  }, 90_000);

  it('a put rejected after it went out starts the unwind as the rejection is pushed, before any tick', async () => {
    await start();
    h.paper.injectFault({ mode: 'REJECT_AFTER_ACCEPT', tag: legTag(2), reason: 'exchange: put outside the price band (test)', times: 'ALWAYS' });
    await enter();
    // Both legs went out and are working.
    expect((await h.dataSource.getRepository(Order).find({ where: { purpose: 'ENTRY', instrumentType: 'PE' } })).every((o) => o.status === 'ACCEPTED')).toBe(true);

    // One pass: the exchange rejects the put, the call fills; the pushed rejection aborts the entry and sends the unwind.
    await h.syncOrders();
    expect(pushed.some((e) => e.status === 'REJECTED' && legTag(2).test(e.clientOrderId))).toBe(true);
    const journal = await h.dataSource.getRepository(DecisionJournalEntry).find({ order: { id: 'ASC' } });
    expect(journal.map((d) => d.decision).slice(0, 3)).toEqual(['ENTER', 'ENTRY_ABORTED', 'UNWIND_ORDER_SUBMITTED']);
    expect(journal[1].reasonCode).toBe('LEG_ENDED_UNFILLED');
    expect(journal[1].reason).toMatch(/PE ended REJECTED \(exchange: put outside the price band \(test\)\): unwinding the other leg/);
    const callFilled = (await filledOf('ENTRY'))['CE'];
    expect(callFilled).toBeGreaterThan(0);
    expect((await h.dataSource.getRepository(Order).find({ where: { purpose: 'EXIT', instrumentType: 'CE', side: 'BUY' } })).reduce((s, o) => s + o.quantity, 0)).toBe(callFilled);

    // The unwind's fill is pushed too: the position closes, still without a tick.
    for (let pass = 0; pass < 4 && !(await decisions()).includes('UNWIND_COMPLETE'); pass++) await h.syncOrders();
    expect(await decisions()).toEqual(['ENTER', 'ENTRY_ABORTED', 'UNWIND_ORDER_SUBMITTED', 'UNWIND_COMPLETE']);
    expect(await h.dataSource.getRepository(Position).findOneByOrFail({ accountId: h.account.id })).toMatchObject({ status: 'CLOSED' });
    expect((await h.paper.listPositions()).every((p) => p.netQuantity === 0)).toBe(true);
    expect(ticks).not.toHaveBeenCalled();
  }, 90_000);

  /** The put rejected after it went out, the call filled, and every other order (the unwind) held working: a second unwind order would show. */
  const rejectPutHoldUnwind = () => {
    h.paper.injectFault({ mode: 'REJECT_AFTER_ACCEPT', tag: legTag(2), times: 'ALWAYS' });
    h.paper.injectFault({ mode: 'DELAYED_FILL', passes: 1000, tag: new RegExp(`^(?!${legTag(1).source.slice(1)})`), times: 'ALWAYS' });
  };
  const exitOrders = () => h.dataSource.getRepository(Order).find({ where: { purpose: 'EXIT' }, order: { id: 'ASC' } });
  /** The closing intents sent (a sliced order is one intent: its slices are `<intent id>s<n>`). */
  const intentsOf = (orders: Order[]) => [...new Set(orders.map((o) => o.clientOrderId.replace(/s\d+$/, '')))];

  it('a rejection pushed, pushed again and then seen by a tick unwinds once', async () => {
    await start();
    rejectPutHoldUnwind();
    await enter();
    await h.syncOrders();
    expect(await decisions()).toEqual(['ENTER', 'ENTRY_ABORTED', 'UNWIND_ORDER_SUBMITTED']);
    const unwind = await exitOrders();
    expect(intentsOf(unwind)).toHaveLength(1);
    expect(unwind.every((o) => o.instrumentType === 'CE' && o.side === 'BUY' && o.status === 'ACCEPTED')).toBe(true);
    expect(unwind.reduce((sum, o) => sum + o.quantity, 0)).toBe((await filledOf('ENTRY'))['CE']);

    const rejection = pushed.find((e) => e.status === 'REJECTED')!;
    const callFill = pushed.find((e) => e.status === 'FILLED' && legTag(1).test(e.clientOrderId))!;
    // Each handed over on its own (updates of one order still waiting for the lock are handed over once).
    for (const again of [rejection, rejection, callFill]) {
      h.bus.publish('order.updated', again);
      await h.orderUpdates.settled();
    }
    await monitorTick();

    expect(await decisions()).toEqual(['ENTER', 'ENTRY_ABORTED', 'UNWIND_ORDER_SUBMITTED']);
    expect((await exitOrders()).map((o) => o.id)).toEqual(unwind.map((o) => o.id));
    expect(ticks).toHaveBeenCalledTimes(1);
  }, 90_000);

  it('a rejection whose push was missed is reconciled by the tick, and the late push then does nothing', async () => {
    await start();
    rejectPutHoldUnwind();
    await enter();
    // The pass's updates are published but the runner does not hear them (a lost event).
    h.orderUpdates.onModuleDestroy();
    await h.syncOrders();
    h.orderUpdates.onModuleInit();
    const rejection = pushed.find((e) => e.status === 'REJECTED');
    expect(rejection).toBeDefined();
    expect(await decisions()).toEqual(['ENTER']);

    await monitorTick();
    expect(await decisions()).toEqual(['ENTER', 'ENTRY_ABORTED', 'UNWIND_ORDER_SUBMITTED']);
    const unwind = await exitOrders();
    expect(intentsOf(unwind)).toHaveLength(1);
    expect(unwind.reduce((sum, o) => sum + o.quantity, 0)).toBe((await filledOf('ENTRY'))['CE']);

    h.bus.publish('order.updated', rejection!);
    h.bus.publish('order.updated', rejection!);
    await h.orderUpdates.settled();
    expect(await decisions()).toEqual(['ENTER', 'ENTRY_ABORTED', 'UNWIND_ORDER_SUBMITTED']);
    expect((await exitOrders()).map((o) => o.id)).toEqual(unwind.map((o) => o.id));
  }, 90_000);
});
