import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { KOTAK_TEST_DAY, neoFaults, NIFTY_CALL, NIFTY_PUT } from '@mcube/brokers-kotak-neo/testing';
import { orderFigures, type EntryCommand } from '@mcube/domain';
import { In } from 'typeorm';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { orderStopModelOf } from '../../src/modules/risk/context/entry-facts';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { startKotakLive, type KotakLiveHarness } from './kotak-live-harness';

const CALL = { underlying: 'NIFTY', kind: 'OPT', expiry: NIFTY_CALL.expiry, strike: NIFTY_CALL.strike, optionType: 'CE' } as const;
const PUT = { underlying: 'NIFTY', kind: 'OPT', expiry: NIFTY_PUT.expiry, strike: 23_500, optionType: 'PE' } as const;

/** A one-lot NIFTY strangle of the fake master: SELL 65 × 24500 CE @ ₹120.50 and 65 × 23500 PE @ ₹95 (25-Aug-2026). */
function strangle(accountId: number, lots = 1): EntryCommand {
  return {
    accountId,
    legs: [
      { segment: 'NFO-OPT', instrument: CALL, side: 'SELL', quantity: 65 * lots, orderType: 'LIMIT', limitPrice: 120.5 },
      { segment: 'NFO-OPT', instrument: PUT, side: 'SELL', quantity: 65 * lots, orderType: 'LIMIT', limitPrice: 95 },
    ],
  };
}

/**
 * "Never an unknown order or position": after settling and reconciling, no order is in flight
 * with an unknown outcome, the broker holds each tag at most once, every broker order is in the
 * journal, and the journal's positions are the broker's (reconciliation finds no mismatch).
 */
async function expectNothingUnknown(h: KotakLiveHarness): Promise<void> {
  await h.settle.settleAccount(h.account.id);
  const report = await h.reconciliation.reconcile(h.account.id);
  expect(report.mismatches).toEqual([]);
  const orders = await h.dataSource.getRepository(Order).find({ where: { accountId: h.account.id } });
  expect(orders.filter((o) => o.inFlightUnknown).map((o) => o.clientOrderId)).toEqual([]);
  for (const o of orders) expect(h.server.ordersByTag(o.clientOrderId).length).toBeLessThanOrEqual(1);
  const tags = new Set(orders.map((o) => o.clientOrderId));
  expect(h.server.orders().filter((o) => !o.tag || !tags.has(o.tag))).toEqual([]);
}

const rowsOf = (h: KotakLiveHarness, ids: readonly number[]) => h.dataSource.getRepository(Order).find({ where: { id: In([...ids]) }, order: { id: 'ASC' } });

describe('the order gateway on the live Kotak adapter against the fake Neo server', () => {
  let h: KotakLiveHarness;
  beforeEach(async () => {
    h = await startKotakLive();
    await h.goLive();
  });
  afterEach(async () => h.close());

  it('enters a strangle with both legs at the broker (tagged with the clientOrderIds); the put lags and fills in two parts; journal and broker agree', async () => {
    const [call, put] = (await h.orders.submitEntry(strangle(h.account.id))).legs;
    expect([call.statuses, put.statuses]).toEqual([['ACCEPTED'], ['ACCEPTED']]);
    expect(h.server.orders().map((o) => [o.tag, o.contract.tradingSymbol, o.side, o.quantity])).toEqual([
      [call.intentId, 'NIFTY26AUG24500CE', 'S', 65],
      [put.intentId, 'NIFTY26AUG23500PE', 'S', 65],
    ]);
    h.server.fill({ tag: call.intentId });
    await h.settle.settleAccount(h.account.id);
    expect((await rowsOf(h, [...call.orderIds, ...put.orderIds])).map((o) => o.status)).toEqual(['FILLED', 'ACCEPTED']);
    h.clock.advance(90_000);
    h.server.fill({ tag: put.intentId }, { quantity: 25 });
    await h.settle.settleAccount(h.account.id);
    expect((await rowsOf(h, put.orderIds)).map((o) => [o.status, o.filledQuantity])).toEqual([['PARTIALLY_FILLED', 25]]);
    h.server.fill({ tag: put.intentId });
    await expectNothingUnknown(h);
    const legs = await h.dataSource.getRepository(PositionLeg).find({ where: { positionId: call.positionId! }, order: { id: 'ASC' } });
    expect(legs.map((l) => [l.tradingSymbol, l.side, l.quantity])).toEqual([
      [expect.stringContaining('24500'), 'SELL', 65],
      [expect.stringContaining('23500'), 'SELL', 65],
    ]);
  });

  it('a timeout after Kotak took the order leaves it SUBMITTED, is settled by tag (one order at the broker), never resent', async () => {
    h.server.inject('place', neoFaults.timeoutAfterAccept());
    const [call, put] = (await h.orders.submitEntry(strangle(h.account.id))).legs;
    const [row] = await rowsOf(h, call.orderIds);
    expect([row.status, row.inFlightUnknown, put.statuses]).toEqual(['SUBMITTED', true, ['ACCEPTED']]);
    await h.settle.settleAccount(h.account.id);
    const [settled] = await rowsOf(h, call.orderIds);
    expect([settled.status, settled.brokerOrderId]).toEqual(['ACCEPTED', h.server.ordersByTag(call.intentId)[0].orderNo]);
    expect(h.server.requests('place')).toHaveLength(2);
    await expectNothingUnknown(h);
  });

  it('a 5xx after processing and a malformed 200 answer are settled by tag; a 5xx before processing ends REJECTED (not at the broker) after the grace period', async () => {
    h.server.inject('place', neoFaults.serverError(502, true));
    h.server.inject('place', neoFaults.malformedJson(true));
    const [call, put] = (await h.orders.submitEntry(strangle(h.account.id))).legs;
    expect((await rowsOf(h, [...call.orderIds, ...put.orderIds])).map((o) => [o.status, o.inFlightUnknown])).toEqual([
      ['SUBMITTED', true],
      ['SUBMITTED', true],
    ]);
    await h.settle.settleAccount(h.account.id);
    expect((await rowsOf(h, [...call.orderIds, ...put.orderIds])).map((o) => o.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    await expectNothingUnknown(h);

    // Exit the call alone; Kotak answers 503 without taking it.
    h.server.fill({ tag: call.intentId });
    h.server.fill({ tag: put.intentId });
    await h.settle.settleAccount(h.account.id);
    h.server.inject('place', neoFaults.serverError(503, false));
    const exit = await h.orders.submit({ accountId: h.account.id, segment: 'NFO-OPT', instrument: CALL, side: 'BUY', quantity: 65, orderType: 'LIMIT', limitPrice: 130, purpose: 'EXIT', positionId: call.positionId! });
    expect((await rowsOf(h, exit.orderIds))[0].status).toBe('SUBMITTED');
    await h.settle.settleAccount(h.account.id);
    expect((await rowsOf(h, exit.orderIds))[0].status).toBe('SUBMITTED');
    h.clock.advance(61_000);
    await h.settle.settleAccount(h.account.id);
    expect((await rowsOf(h, exit.orderIds))[0]).toMatchObject({ status: 'REJECTED', inFlightUnknown: false });
    expect(h.server.ordersByTag(exit.intentId)).toHaveLength(0);
    await expectNothingUnknown(h);
  });

  it('a 429 and a Not_Ok answer with HTTP 200 are REJECTED (nothing at the broker); the other leg of the entry is withdrawn, never sent', async () => {
    h.server.inject('place', neoFaults.rateLimited(1));
    const first = (await h.orders.submitEntry(strangle(h.account.id))).legs;
    let rows = await rowsOf(h, first.flatMap((l) => l.orderIds));
    expect(rows.map((o) => o.status)).toEqual(['REJECTED', 'CANCELED']);
    expect(rows[0].statusReason).toMatch(/RATE_LIMITED/);
    h.server.inject('place', neoFaults.notOk(1009, 'please provide valid quantity'));
    const second = (await h.orders.submitEntry(strangle(h.account.id))).legs;
    rows = await rowsOf(h, second.flatMap((l) => l.orderIds));
    expect(rows.map((o) => o.status)).toEqual(['REJECTED', 'CANCELED']);
    expect(rows[0].statusReason).toMatch(/valid quantity/);
    expect(h.server.orders()).toHaveLength(0);
    expect(await h.dataSource.getRepository(Position).count({ where: { accountId: h.account.id, status: 'ACTIVE' } })).toBe(0);
    await expectNothingUnknown(h);
  });

  it('an order rejected by the exchange after Kotak acknowledged it ends REJECTED; a cancel that loses the race to a fill ends FILLED', async () => {
    const [call, put] = (await h.orders.submitEntry(strangle(h.account.id))).legs;
    h.server.reject({ tag: put.intentId }, 'RMS: margin shortfall');
    h.server.inject('cancel', neoFaults.fillFirst());
    await h.cancel.cancel(call.orderIds[0], 'test').catch(() => undefined);
    await h.settle.settleAccount(h.account.id);
    const rows = await rowsOf(h, [...call.orderIds, ...put.orderIds]);
    expect(rows.map((o) => o.status)).toEqual(['FILLED', 'REJECTED']);
    expect(rows[1].statusReason).toMatch(/margin shortfall/);
    await expectNothingUnknown(h);
  });

  it('a session that Kotak expires mid-day is renewed once by the session owner; orders from an unregistered IP halt the account with CRITICAL', async () => {
    h.server.expireSessions();
    const logins = h.server.loginAttempts().length;
    await h.settle.settleAccount(h.account.id);
    await h.reconciliation.reconcile(h.account.id);
    expect(h.server.loginAttempts().length).toBe(logins + 2);

    h.server.setStaticIpRegistered(false);
    const [call] = (await h.orders.submitEntry(strangle(h.account.id))).legs;
    expect((await rowsOf(h, call.orderIds))[0].status).toBe('REJECTED');
    const account = await h.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: h.account.id });
    expect([account.tradingState, account.tradingStateSetByRole]).toEqual(['HALTED', 'system']);
    const critical = await h.dataSource.getRepository(Alert).find({ where: { severity: 'CRITICAL' } });
    expect(critical.map((a) => a.message).join('\n')).toMatch(/registered static IP/);
    expect(h.server.orders()).toHaveLength(0);
  });

  it('after a crash (a new process over the same database and broker) reconciliation adopts the order that was sent before the stop', async () => {
    h.server.inject('place', neoFaults.timeoutAfterAccept());
    const [call] = (await h.orders.submitEntry(strangle(h.account.id))).legs;
    h.server.fill({ tag: call.intentId });
    // The "restarted process": new adapters and registry, the stored session and master.
    const { KotakLiveBrokers } = await import('../../src/modules/orders/live/kotak-live-brokers.service');
    const { ExecutionClientRegistry } = await import('../../src/modules/orders/execution-clients.token');
    const { ReconciliationService } = await import('../../src/modules/orders/reconciliation.service');
    const { ReconciliationGate } = await import('../../src/modules/risk/context/reconciliation-gate');
    const { ApplyFillService } = await import('../../src/modules/orders/apply-fill.service');
    const { SettleInFlightService } = await import('../../src/modules/orders/settle-in-flight.service');
    const { PositionLedgerService } = await import('../../src/modules/positions/position-ledger.service');
    const live = new KotakLiveBrokers(h.dataSource, h.config, h.clock, async () => undefined, h.instruments, undefined as never, undefined as never, undefined as never, { timeouts: { readMs: 1_500, orderMs: 1_500 } });
    const registry = new ExecutionClientRegistry();
    registry.register(h.account.id, live.executionClientFor(h.account.id));
    const ledger = new PositionLedgerService();
    const fills = new ApplyFillService(h.dataSource, h.clock, ledger);
    const gate = new ReconciliationGate();
    const logins = h.server.loginAttempts().length;
    const report = await new ReconciliationService(h.dataSource, h.clock, registry, gate, fills, new SettleInFlightService(h.dataSource, h.clock, registry, fills, ledger), new AlertsService(h.dataSource, new AppEventsBus()), ledger).reconcile(h.account.id);
    live.onModuleDestroy();
    expect(h.server.loginAttempts().length).toBe(logins);
    expect(report.mismatches).toEqual([]);
    expect(gate.stateOf(h.account.id)).toBe('RECONCILED');
    expect((await rowsOf(h, call.orderIds))[0]).toMatchObject({ status: 'FILLED', inFlightUnknown: false });
    await expectNothingUnknown(h);
  });
  it("a LIVE entry's margin and exposure are the gateway's own figures on Kotak's NIFTY spot, not the configured source's (LiveMarketData)", async () => {
    const kotakSpot = 24_812.35;
    expect((await h.market.quote('NIFTY 50')).lastPrice).not.toBe(kotakSpot);
    h.server.setQuote('Nifty 50', { ltp: kotakSpot, close: 24_700 });
    // Kotak's check-margin answers a token figure, so the stored margin is the model's (each check takes the largest).
    h.server.setMarginRule(() => 100);
    const entry = strangle(h.account.id);
    const { positionId } = await h.orders.submitEntry(entry);
    const position = await h.dataSource.getRepository(Position).findOneByOrFail({ id: positionId! });
    const modelOn = (spot: number) =>
      orderFigures({ legs: entry.legs.map((l) => ({ instrument: l.instrument, side: l.side, quantity: l.quantity, limitPrice: l.limitPrice })), date: KOTAK_TEST_DAY, spots: { NIFTY: spot }, stops: orderStopModelOf(null, 'KOTAK') });
    const onKotak = modelOn(kotakSpot);
    const onConfigured = modelOn((await h.market.quote('NIFTY 50')).lastPrice);
    expect(onKotak.marginPaise).not.toBe(onConfigured.marginPaise);
    expect([position.marginUsedPaise, position.entryValuePaise]).toEqual([onKotak.marginPaise, onKotak.exposurePaise]);
    expect(h.server.requests('quotes').length).toBeGreaterThan(0);
  });
});
