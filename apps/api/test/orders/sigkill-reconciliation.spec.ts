import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDefaultNseCalendar, FixedClock } from '@mcube/domain';
import { PaperExecutionClient } from '@mcube/brokers-paper';
import type { DataSource } from 'typeorm';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { ApplyFillService } from '../../src/modules/orders/apply-fill.service';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { ReconciliationService } from '../../src/modules/orders/reconciliation.service';
import { SettleInFlightService } from '../../src/modules/orders/settle-in-flight.service';
import { buildGateway } from './gateway-factory';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { insertAccount, saveAdjustablePosition } from '../db/fixtures';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { CRASH_ACCOUNT_ID, CRASH_CALL_BID, CRASH_CAPITAL_PAISE, crashClockMs, crashIntent, crashMarket, SLICED_QUANTITY, type CrashPoint } from './crash-scenario';
import { JsonFilePaperBookStore } from './json-file-paper-book.store';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';
import { PositionLedgerService } from '../../src/modules/positions/position-ledger.service';

const REPO = join(__dirname, '..', '..', '..', '..');

/** Runs the crash child to its SIGKILL; resolves with the signal (or rejects with its stderr). */
function runChild(databaseJson: string, bookPath: string, point: CrashPoint): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'crash-child.ts'), databaseJson, bookPath, point], {
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

/** The restarted process: the gateway over the same database and paper book, gate closed. */
async function restart(dataSource: DataSource, bookPath: string) {
  const clock = new FixedClock(crashClockMs() + 60_000);
  const paper = await PaperExecutionClient.create({ config: { capitalPaise: CRASH_CAPITAL_PAISE, displayedLotsPerPass: 5 }, clock, marketData: crashMarket(), store: new JsonFilePaperBookStore(bookPath) });
  const registry = new ExecutionClientRegistry();
  registry.register(CRASH_ACCOUNT_ID, paper);
  const gate = new ReconciliationGate();
  const ledger = new PositionLedgerService();
  const fills = new ApplyFillService(dataSource, clock, ledger);
  const settle = new SettleInFlightService(dataSource, clock, registry, fills, ledger);
  return {
    paper,
    orders: buildGateway({ dataSource, clock, sleep: async (ms) => clock.advance(ms), registry, ledger, riskContext: new RiskContextService(dataSource, clock, createDefaultNseCalendar(), new RiskPositionsQuery(dataSource), new DailyPnlHistoryQuery(dataSource), gate), market: crashMarket() }),
    reconciliation: new ReconciliationService(dataSource, clock, registry, gate, fills, settle, new AlertsService(dataSource, new AppEventsBus()), ledger),
  };
}

const STATE_OF: Record<string, string[]> = { OPEN: ['ACCEPTED', 'PARTIALLY_FILLED'], PENDING: ['SUBMITTED', 'ACCEPTED'], FILLED: ['FILLED'], CANCELED: ['CANCELED'], REJECTED: ['REJECTED'], EXPIRED: ['EXPIRED'] };

describe.each([
  ['AFTER_JOURNAL', 'after the intent is journaled and before sending', 0, /rejected \(never reached the broker\)/],
  ['AFTER_SEND', 'after sending and before the acknowledgement is stored', 1, /SUBMITTED → ACCEPTED/],
  ['MID_FILL', 'mid-fill', 2, /trade .* \(325 of .*\) applied/],
] as const)('the API process killed (SIGKILL) %s (done-when 2: %s)', (point, _label, brokerOrders, adoption) => {
  let db: TestDatabase;
  let dir: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'mcube-crash-'));
    const seed = await db.openMigrated();
    expect((await insertAccount(seed)).id).toBe(CRASH_ACCOUNT_ID);
    await seed.destroy();
    expect(await runChild(JSON.stringify(db.database), join(dir, 'paper-book.json'), point)).toBe('SIGKILL');
    dataSource = await db.open();
  }, 60_000);
  afterAll(async () => {
    await db.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('on restart new risk is refused until reconciliation succeeds; then journal and broker agree', async () => {
    const r = await restart(dataSource, join(dir, 'paper-book.json'));
    expect(await r.paper.listOrders()).toHaveLength(brokerOrders);

    const early = await r.orders.submit({ ...crashIntent(), instrument: { ...crashIntent().instrument, strike: 23600 } });
    expect(early.denial?.code).toBe('NOT_RECONCILED');
    expect(await r.paper.listOrders()).toHaveLength(brokerOrders);

    const report = await r.reconciliation.reconcile(CRASH_ACCOUNT_ID);
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
    // What the crash left undone was adopted from the broker.
    expect(report.adopted.some((a) => adoption.test(a))).toBe(true);

    // Orders equal the broker's: every broker order is journaled with its state and fills; every other journal order is closed.
    const journal = await dataSource.getRepository(Order).find({ where: { accountId: CRASH_ACCOUNT_ID } });
    const atBroker = await r.paper.listOrders();
    for (const b of atBroker) {
      const j = journal.find((o) => o.clientOrderId === b.clientOrderId);
      expect({ tag: b.clientOrderId, filled: j?.filledQuantity, statusOk: STATE_OF[b.state].includes(j?.status ?? '') }).toEqual({ tag: b.clientOrderId, filled: b.filledQuantity, statusOk: true });
    }
    for (const j of journal.filter((o) => !atBroker.some((b) => b.clientOrderId === o.clientOrderId))) expect(['DENIED', 'REJECTED', 'CANCELED']).toContain(j.status);

    // Positions equal the broker's.
    const brokerNet = (await r.paper.listPositions()).reduce((s, p) => s + p.netQuantity, 0);
    const active = await dataSource.getRepository(Position).find({ where: { accountId: CRASH_ACCOUNT_ID, status: 'ACTIVE' } });
    const legs = active.length ? await dataSource.getRepository(PositionLeg).find({ where: { positionId: active[0].id } }) : [];
    expect(legs.reduce((s, l) => s + (l.side === 'BUY' ? l.quantity : -l.quantity), 0)).toBe(brokerNet);
    if (point === 'MID_FILL') expect(brokerNet).toBe(-650);
    if (point === 'AFTER_JOURNAL') expect(active).toHaveLength(0);

    // The gate is open: an order is no longer denied for the trading state (an ADJUST names the ACTIVE position).
    const positionId = active[0]?.id ?? (await saveAdjustablePosition(dataSource, CRASH_ACCOUNT_ID));
    const after = await r.orders.submit({ ...crashIntent(), purpose: 'ADJUST', positionId, side: 'BUY', quantity: 65, limitPrice: 100 });
    expect(after.denial?.code).not.toBe('NOT_RECONCILED');
    expect(after.denial?.code).not.toBe('TRADING_HALTED');
    expect(after.statuses).toEqual(['ACCEPTED']);
  });
});

describe('the API process killed (SIGKILL) mid-slicing (issue 12.8)', () => {
  let db: TestDatabase;
  let dir: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'mcube-crash-'));
    const seed = await db.openMigrated();
    expect((await insertAccount(seed)).id).toBe(CRASH_ACCOUNT_ID);
    await seed.destroy();
    expect(await runChild(JSON.stringify(db.database), join(dir, 'paper-book.json'), 'MID_SLICING')).toBe('SIGKILL');
    dataSource = await db.open();
  }, 60_000);
  afterAll(async () => {
    await db.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps only the filled quantity on the position once the unsent slice is withdrawn (failed before c14b703: the position showed every unit asked for)', async () => {
    const r = await restart(dataSource, join(dir, 'paper-book.json'));
    const [position] = await dataSource.getRepository(Position).find({ where: { accountId: CRASH_ACCOUNT_ID } });
    // Nothing is filled yet: the reservation promises nothing.
    expect(position.quantity).toBe(0);
    // The call's first slice trades 5 lots at the broker; its second never left (the put's first rests unfilled, its second was never sent).
    await r.paper.onMarket([{ ...CRASH_CALL_BID, asOfMs: crashClockMs() + 60_000 }]);
    const report = await r.reconciliation.reconcile(CRASH_ACCOUNT_ID);
    expect(report.ok).toBe(true);
    expect(report.adopted.some((a) => /rejected \(never reached the broker\)/.test(a))).toBe(true);

    const slices = await dataSource.getRepository(Order).find({ where: { accountId: CRASH_ACCOUNT_ID }, order: { id: 'ASC' } });
    const ofLeg = (optionType: string) => slices.filter((o) => o.tradingSymbol.endsWith(optionType)).map((o) => [o.quantity, o.status]);
    expect(ofLeg('CE')).toEqual([
      [1755, 'PARTIALLY_FILLED'],
      [65, 'REJECTED'],
    ]);
    expect(ofLeg('PE')).toEqual([
      [1755, 'ACCEPTED'],
      [65, 'CANCELED'],
    ]);
    const filled = slices.reduce((sum, o) => sum + o.filledQuantity, 0);
    expect(filled).toBe(325);
    const after = await dataSource.getRepository(Position).findOneByOrFail({ id: position.id });
    const [leg] = await dataSource.getRepository(PositionLeg).find({ where: { positionId: position.id } });
    expect({ status: after.status, quantity: after.quantity, leg: leg.quantity }).toEqual({ status: 'ACTIVE', quantity: filled, leg: filled });
    expect(SLICED_QUANTITY).toBeGreaterThan(filled);
  });
});
