import { epochMsOfIst, type FixedClock } from '@mcube/domain';
import type { PaperExecutionClient } from '@mcube/brokers-paper';
import type { IciciFuturesSnapshot } from '@mcube/strategy-icici-futures';
import type { Principal } from '../../src/common/request-context/principal';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { DbStrategyStateStore } from '../../src/modules/strategies/runtime/db-strategy-state.store';
import { bootIciciProcess, createIciciProcessWorld, ScreenSlotCursor, stopIciciProcess, type IciciProcess, type IciciProcessWorld } from './icici-process';

const TRADER: Principal = { userId: 1, username: 'restart-trader', role: 'trader', via: 'session', credentialId: 'test' };
const MINUTE = 60_000;

// What the ICICI futures strategy did once today (the screen slots it ran, the averaging
// requests it raised, the overnight-hold alert) is stored with its state in
// `strategy_runtime_states` before it is done: a process restarted over the same database (this
// pass's dialect) does not screen a slot again, so it raises no second approval request or alert.
describe('ICICI futures: the day marks kept across a restart', () => {
  let world: IciciProcessWorld;
  let cursor: ScreenSlotCursor;
  let proc: IciciProcess;
  let accountId: number;
  let clock: FixedClock;
  let paper: PaperExecutionClient;

  const restart = async () => {
    await stopIciciProcess(proc);
    proc = await bootIciciProcess(world);
  };
  const ds = () => proc.dataSource;
  const decisions = async () => (await ds().getRepository(DecisionJournalEntry).find({ where: { accountId }, order: { id: 'ASC' } })).map((d) => d.decision);
  const alertsTitled = (title: string) => ds().getRepository(Alert).count({ where: { accountId, title } });
  const requests = async () => (await proc.approvals.list({ accountId })).length;
  const stored = () => new DbStrategyStateStore<IciciFuturesSnapshot>(ds(), accountId, 'LLM_VALIDATED_FUTURES').load();
  const tick = () => proc.runner.forEachStrategy((s) => s.onTick(clock.nowMs()));

  const nextRequest = () => cursor.nextRequest(proc);
  const pendingEntry = async () => (await proc.approvals.list({ status: 'PENDING', accountId })).filter((a) => a.kind === 'ENTRY')[0];

  beforeAll(async () => {
    world = await createIciciProcessWorld();
    ({ accountId, clock, paper } = world);
    cursor = new ScreenSlotCursor(world);
    proc = await bootIciciProcess(world);
  }, 300_000);

  afterAll(async () => {
    if (proc?.dataSource.isInitialized) await stopIciciProcess(proc);
    await world?.db.dispose();
  });

  it('a slot screened (its request turned down) before the restart is not screened again after it: no second request or alert', async () => {
    const { date, slot } = await nextRequest();
    // Turned down: no request stays open, so only the stored slot keeps the restarted strategy from asking again.
    await proc.approvals.rejectWithOutcome(Number((await pendingEntry()).id), TRADER, 'not this one');
    expect(await stored()).toMatchObject({ dayMarks: { date, marks: expect.arrayContaining([`screen:${slot}`]) } });
    const before = { decisions: await decisions(), requests: await requests(), alerts: await alertsTitled('ICICI entry awaits approval') };
    expect(before.requests).toBeGreaterThan(0);
    expect(before.alerts).toBe(before.requests);

    await restart();
    clock.set(epochMsOfIst(date, slot) + 10 * MINUTE);
    expect(await proc.runner.withStrategy(accountId, (s) => s.runScreenIfDue(clock.nowMs()))).toBeNull();
    await tick();

    expect(await decisions()).toEqual(before.decisions);
    expect(await requests()).toBe(before.requests);
    expect(await alertsTitled('ICICI entry awaits approval')).toBe(before.alerts);
  }, 600_000);

  // The alerts module's cooldown (`strategy:eod`, a day) holds this alert too; the stored mark keeps the strategy from raising it.
  it('the overnight-hold alert raised before the restart is not raised again that day', async () => {
    const { date } = await nextRequest();
    await proc.approvals.approveWithOutcome(Number((await pendingEntry()).id), TRADER);
    for (let pass = 0; pass < 6 && !(await decisions()).includes('ENTRY_FILLED'); pass++) {
      await paper.matchNow();
      await proc.rt.settle.settleAccount(accountId, paper);
      await proc.rt.orderUpdates.settled();
    }
    expect(await decisions()).toContain('ENTRY_FILLED');
    const open = await ds().getRepository(Position).findOneByOrFail({ accountId, status: 'ACTIVE' });
    const [entry] = await ds().getRepository(Order).find({ where: { accountId, purpose: 'ENTRY', status: 'FILLED' } });
    // Stop and target out of reach, so at 15:15 the position is held overnight below the minimum profit.
    const far = open.stopLossPricePaise! * 10;
    await ds().getRepository(Position).update(open.id, entry.side === 'BUY' ? { stopLossPricePaise: 5, targetPricePaise: far } : { stopLossPricePaise: far, targetPricePaise: 5 });
    const title = 'Futures position held overnight below the EOD minimum profit';
    clock.set(epochMsOfIst(date, '15:15'));
    await tick();
    expect(await alertsTitled(title)).toBe(1);
    expect(await stored()).toMatchObject({ dayMarks: { date, marks: expect.arrayContaining(['eod-alert']) } });

    await restart();
    clock.set(epochMsOfIst(date, '15:16'));
    await tick();

    expect((await decisions()).at(-1)).toBe('HOLD');
    expect(await alertsTitled(title)).toBe(1);
  }, 600_000);
});
