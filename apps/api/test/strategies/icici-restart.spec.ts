import type { FixedClock } from '@mcube/domain';
import type { PaperExecutionClient } from '@mcube/brokers-paper';
import type { IciciFuturesSnapshot } from '@mcube/strategy-icici-futures';
import type { Principal } from '../../src/common/request-context/principal';
import { ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { ApplyFillService } from '../../src/modules/orders/apply-fill.service';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { SettleInFlightService } from '../../src/modules/orders/settle-in-flight.service';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { DbStrategyStateStore } from '../../src/modules/strategies/runtime/db-strategy-state.store';
import { bootIciciProcess, createIciciProcessWorld, ScreenSlotCursor, stopIciciProcess, type IciciProcess, type IciciProcessWorld } from './icici-process';
import { PositionLedgerService } from '../../src/modules/positions/position-ledger.service';

const TRADER: Principal = { userId: 1, username: 'restart-trader', role: 'trader', via: 'session', credentialId: 'test' };

// The ICICI futures strategy's working order (entry or exit at the broker) is stored before it
// is sent and on every change (`strategy_runtime_states`): a process stopped while it works and
// started again over the same database and broker follows it instead of forgetting it, and sends
// no order twice. Each "restart" is a new connection, gateway and runner over the same database
// (this pass's dialect: the SQLite file or the PostgreSQL database); the paper broker (the
// broker's side) outlives the process.
describe('ICICI futures: the working order resumed after a restart', () => {
  let world: IciciProcessWorld;
  let cursor: ScreenSlotCursor;
  let proc: IciciProcess;
  let accountId: number;
  let clock: FixedClock;
  let paper: PaperExecutionClient;

  const boot = (): Promise<IciciProcess> => bootIciciProcess(world);
  const kill = stopIciciProcess;
  /** The broker matches and its reports are settled into the database while no API process runs (nobody is told). */
  const syncWhileDown = async () => {
    const ds = await world.db.open();
    const registry = new ExecutionClientRegistry();
    registry.register(accountId, paper);
    await paper.matchNow();
    const ledger = new PositionLedgerService();
    await new SettleInFlightService(ds, clock, registry, new ApplyFillService(ds, clock, ledger), ledger).settleAccount(accountId, paper);
    await ds.destroy();
  };
  /** The running process's broker sync: fills reach its runner as pushed `order.updated`. */
  const syncRunning = async () => {
    await paper.matchNow();
    await proc.rt.settle.settleAccount(accountId, paper);
    await proc.rt.orderUpdates.settled();
  };
  const ds = () => proc.dataSource;
  const decisions = async () => (await ds().getRepository(DecisionJournalEntry).find({ where: { accountId }, order: { id: 'ASC' } })).map((d) => d.decision);
  const ordersOf = (purpose: string) => ds().getRepository(Order).find({ where: { accountId, purpose: purpose as Order['purpose'] }, order: { id: 'ASC' } });
  const stored = () => new DbStrategyStateStore<IciciFuturesSnapshot>(ds(), accountId, 'LLM_VALIDATED_FUTURES').load();
  const tick = () => proc.runner.forEachStrategy((s) => s.onTick(clock.nowMs()));
  const phase = () => proc.runner.withStrategy(accountId, async (s) => s.phase);

  /** Runs the screen slots on until one asks for an approval, which the trader gives. */
  const approveNextEntry = async (): Promise<void> => {
    await cursor.nextRequest(proc);
    const [pending] = (await proc.approvals.list({ status: 'PENDING', accountId })).filter((a) => a.kind === 'ENTRY');
    await proc.approvals.approveWithOutcome(Number(pending.id), TRADER);
  };

  beforeAll(async () => {
    world = await createIciciProcessWorld();
    ({ accountId, clock, paper } = world);
    cursor = new ScreenSlotCursor(world);
    proc = await boot();
  }, 300_000);

  afterAll(async () => {
    if (proc?.dataSource.isInitialized) await kill(proc);
    await world?.db.dispose();
  });

  it('an entry rejected while the process was down is cleared after the restart, never sent again', async () => {
    // The exchange refuses what the broker accepted: the rejection comes at the next match pass.
    paper.injectFault({ mode: 'REJECT_AFTER_ACCEPT', reason: 'exchange refused' });
    await approveNextEntry();
    const [entry] = await ordersOf('ENTRY');
    expect(entry.status).toBe('ACCEPTED');
    expect(await stored()).toMatchObject({ version: 1, working: { purpose: 'ENTRY', clientOrderId: entry.clientOrderId } });

    await kill(proc);
    await syncWhileDown();
    proc = await boot();
    expect((await ordersOf('ENTRY')).map((o) => o.status)).toEqual(['REJECTED']);
    expect(await phase()).toBe('ORDER_WORKING');
    await tick();

    expect(await phase()).toBe('IDLE');
    expect((await decisions()).slice(-2)).toEqual(['ENTRY_RESUMED', 'ENTRY_UNFILLED']);
    expect(await ordersOf('ENTRY')).toHaveLength(1);
    expect(await stored()).toMatchObject({ working: null });
    expect(await ds().getRepository(Position).count({ where: { accountId, status: 'ACTIVE' } })).toBe(0);
  }, 600_000);

  it('an entry still working at the restart is followed, not sent again', async () => {
    await approveNextEntry();
    const entries = await ordersOf('ENTRY');
    expect(entries).toHaveLength(2);
    const entry = entries[1];
    expect(entry.status).toBe('ACCEPTED');

    await kill(proc);
    proc = await boot();
    await tick();
    await tick();

    expect(await phase()).toBe('ORDER_WORKING');
    expect((await decisions()).filter((d) => d === 'ENTRY_RESUMED')).toHaveLength(2);
    expect((await ordersOf('ENTRY')).map((o) => [o.clientOrderId, o.status])).toEqual([
      [entries[0].clientOrderId, 'REJECTED'],
      [entry.clientOrderId, 'ACCEPTED'],
    ]);
    expect(await stored()).toMatchObject({ working: { purpose: 'ENTRY', clientOrderId: entry.clientOrderId, cancelRequested: false, resumed: false } });
  }, 600_000);

  it('an entry that filled while the process was down gets its stop and target stored after the restart, and is monitored', async () => {
    await kill(proc);
    for (let pass = 0; pass < 6; pass++) await syncWhileDown();
    proc = await boot();
    const entries = await ordersOf('ENTRY');
    expect(entries[1].status).toBe('FILLED');
    const open = await ds().getRepository(Position).findOneByOrFail({ accountId, status: 'ACTIVE' });
    expect(open.stopLossPricePaise).toBeNull();

    await tick();

    expect(await phase()).toBe('IDLE');
    expect((await decisions()).filter((d) => d === 'ENTRY_FILLED')).toHaveLength(1);
    const position = await ds().getRepository(Position).findOneByOrFail({ id: open.id });
    expect(position.stopLossPricePaise).toBeGreaterThan(0);
    expect(position.targetPricePaise).toBeGreaterThan(0);
    expect(await ordersOf('ENTRY')).toHaveLength(2);
    expect(await stored()).toMatchObject({ working: null });
    // Monitored: the next tick values the position (no order while the stop and target hold).
    const assessed = await proc.runner.withStrategy(accountId, (s) => s.onTick(clock.nowMs()));
    expect(assessed).not.toBeNull();
  }, 600_000);

  it('an exit working at the restart is followed until flat: one exit order, the fill pushed to the new process', async () => {
    const open = await ds().getRepository(Position).findOneByOrFail({ accountId, status: 'ACTIVE' });
    const [leg] = await ordersOf('ENTRY').then((rows) => rows.filter((r) => r.status === 'FILLED'));
    // Move the stored stop through the market so the next tick exits (LONG: a stop above any price; SHORT: below).
    await ds().getRepository(Position).update(open.id, { stopLossPricePaise: leg.side === 'BUY' ? open.stopLossPricePaise! * 10 : 5 });
    await tick();
    const [exit] = await ordersOf('EXIT');
    expect(exit.status).toBe('ACCEPTED');
    expect(await stored()).toMatchObject({ working: { purpose: 'EXIT', clientOrderId: exit.clientOrderId, exitCode: 'STOP_LOSS_HIT' } });

    await kill(proc);
    proc = await boot();
    for (let pass = 0; pass < 6 && !(await decisions()).includes('EXIT_COMPLETE'); pass++) await syncRunning();

    expect((await decisions()).filter((d) => d === 'EXIT_RESUMED' || d === 'EXIT_COMPLETE')).toEqual(['EXIT_RESUMED', 'EXIT_COMPLETE']);
    expect((await ordersOf('EXIT')).map((o) => [o.clientOrderId, o.status])).toEqual([[exit.clientOrderId, 'FILLED']]);
    expect((await ds().getRepository(Position).findOneByOrFail({ id: open.id })).status).toBe('CLOSED');
    expect(await phase()).toBe('IDLE');
    expect(await stored()).toMatchObject({ working: null });
  }, 600_000);
});
