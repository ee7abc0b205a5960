import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { epochMsOfIst } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { ReconciliationService } from '../../src/modules/orders/reconciliation.service';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { StrategyRuntimeState } from '../../src/modules/strategies/entities/strategy-runtime-state.entity';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { CRASH_DAY, CRASH_PARAMETERS, crashMarketAndBroker } from './strangle-crash-scenario';
import { buildStrangleRuntime, seedStrangleAccount } from './strangle-harness';

const REPO = join(__dirname, '..', '..', '..', '..');

/** Runs the crash child to its SIGKILL; resolves with the signal (or rejects with its stderr). */
function runChild(databaseJson: string, bookPath: string, accountId: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'strangle-crash-child.ts'), databaseJson, bookPath, String(accountId)], {
      cwd: REPO,
      env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.spec.json', NODE_ENV: 'test' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal ? resolve(signal) : reject(new Error(`child exited ${code}: ${stderr}`))));
  });
}

/**
 * Issue 11 §6: the strategy's working entry and its strategy ↔ position id map are stored. The
 * API process is killed (SIGKILL) after the strangle's call filled and before its put was sent.
 * The restarted process reconciles (the put, journaled but never at the broker, is closed), restores
 * the strategy, and finishes the entry (the put sent again while the entry window is open) or
 * unwinds the call (after the window); never a second entry, and the journal says what happened.
 * On main the working entry lived in memory: the restart left a naked call to the unbalanced alert.
 */
describe.each([
  ['inside the entry window', '10:05', 'finishes the entry: the put is sent again'],
  ['after the entry window', '11:45', 'unwinds the filled call'],
] as const)('the API killed mid-entry and restarted %s', (_when, restartAt, outcome) => {
  let db: TestDatabase;
  let dir: string;
  let dataSource: DataSource;
  let accountId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'mcube-strangle-crash-'));
    const seed = await db.openMigrated();
    accountId = (await seedStrangleAccount(seed, CRASH_PARAMETERS)).id;
    await seed.destroy();
    expect(await runChild(JSON.stringify(db.database), join(dir, 'paper-book.json'), accountId)).toBe('SIGKILL');
    dataSource = await db.open();
  }, 90_000);
  afterAll(async () => {
    await db.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${outcome}, with one position, one entry and a journal that says so`, async () => {
    // What the crash left: the entry stored before anything was sent; the call at the broker, filled; the put only journaled.
    const saved = await dataSource.getRepository(StrategyRuntimeState).findOneByOrFail({ accountId });
    expect(saved.state).toMatchObject({ lastEntryDate: CRASH_DAY, entry: { started: false } });
    const { clock, calendar, market, paper } = await crashMarketAndBroker(join(dir, 'paper-book.json'), restartAt);
    expect((await paper.listPositions()).map((p) => [p.instrument.optionType, p.netQuantity < 0])).toEqual([['CE', true]]);
    const callUnits = -(await paper.listPositions())[0].netQuantity;

    // The restarted process: reconciled with the broker first, then the strategy jobs run.
    const gate = new ReconciliationGate();
    const rt = buildStrangleRuntime({ dataSource, clock, calendar, market, paper, accountId, gate });
    const report = await new ReconciliationService(dataSource, clock, rt.registry, gate, rt.fills, rt.settle, new AlertsService(dataSource, new AppEventsBus()), rt.ledger).reconcile(accountId);
    expect(report.ok).toBe(true);
    // Every 5 minutes: the morning entry job (a redelivery must not enter again), the monitor with the strategy's tick, a paper matching pass.
    const step = async (atMs: number) => {
      clock.set(atMs);
      await rt.handlers.handlerFor('strategy.kotak.evaluate-entry')({}, { name: 'strategy.kotak.evaluate-entry', jobId: `e@${atMs}`, attempt: 1 });
      await rt.handlers.handlerFor('positions.monitor')({}, { name: 'positions.monitor', jobId: `m@${atMs}`, attempt: 1 });
      await paper.matchNow();
      await rt.settle.settleAccount(accountId, paper);
      await rt.orderUpdates.settled();
    };
    for (let i = 0; i < 4; i++) await step(epochMsOfIst(CRASH_DAY, restartAt) + i * 5 * 60_000);

    const journal = await dataSource.getRepository(DecisionJournalEntry).find({ where: { accountId }, order: { id: 'ASC' } });
    const decisions = journal.map((d) => d.decision);
    expect(decisions.filter((d) => d === 'ENTER')).toHaveLength(1);
    expect(decisions[1]).toBe('ENTRY_RESUMED');
    expect(journal[1].reason).toMatch(/^Restarted during the entry of /);
    const positions = await dataSource.getRepository(Position).find({ where: { accountId } });
    expect(positions).toHaveLength(1);
    const orders = await dataSource.getRepository(Order).find({ where: { accountId }, order: { id: 'ASC' } });
    const entries = orders.filter((o) => o.purpose === 'ENTRY');
    // The put was SUBMITTED in the journal when the process died, but never reached the broker: reconciliation closed it.
    expect(entries.find((o) => o.instrumentType === 'PE')).toMatchObject({ status: 'REJECTED', filledQuantity: 0, brokerOrderId: null });
    expect(report.adopted.some((a) => /rejected \(never reached the broker\)/.test(a))).toBe(true);
    const atBroker = (await paper.listPositions()).filter((p) => p.netQuantity !== 0).map((p) => [p.instrument.optionType, p.netQuantity]);

    if (restartAt === '10:05') {
      expect(decisions).toEqual(['ENTER', 'ENTRY_RESUMED', 'ENTRY_LEG_RESENT', 'ENTRY_FILLED', ...decisions.slice(4).filter((d) => d === 'HOLD')]);
      expect(entries.map((o) => [o.instrumentType, o.status])).toEqual([
        ['CE', 'FILLED'],
        ['PE', 'REJECTED'],
        ['PE', 'FILLED'],
      ]);
      expect(atBroker.sort()).toEqual([
        ['CE', -callUnits],
        ['PE', -callUnits],
      ]);
      expect(positions[0].status).toBe('ACTIVE');
      const legs = await dataSource.getRepository(PositionLeg).find({ where: { positionId: positions[0].id } });
      expect(legs.map((l) => [l.instrumentType, l.side, l.quantity]).sort()).toEqual([
        ['CE', 'SELL', callUnits],
        ['PE', 'SELL', callUnits],
      ]);
    } else {
      expect(decisions).toEqual(['ENTER', 'ENTRY_RESUMED', 'ENTRY_ABORTED', 'UNWIND_ORDER_SUBMITTED', 'UNWIND_COMPLETE']);
      expect(journal[2].reasonCode).toBe('LEG_ENDED_UNFILLED');
      expect(orders.filter((o) => o.purpose === 'EXIT').map((o) => [o.instrumentType, o.side, o.filledQuantity])).toEqual([['CE', 'BUY', callUnits]]);
      expect(atBroker).toEqual([]);
      // The unwind was stored on the position (owner STRATEGY) before its buy-back was sent: a restart would resume it from there.
      expect(positions[0]).toMatchObject({ status: 'CLOSED', exitOwner: 'STRATEGY', exitReason: 'LEG_ENDED_UNFILLED' });
    }
    // Nothing is left in progress, and a later morning job does not enter again today (a close is never in this state: the position holds it).
    const state = await dataSource.getRepository(StrategyRuntimeState).findOneByOrFail({ accountId });
    expect(state.state).toEqual({ version: 1, entry: null, lastEntryDate: CRASH_DAY });
  }, 90_000);
});
