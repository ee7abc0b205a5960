import { neoFaults } from '@mcube/brokers-kotak-neo/testing';
import { epochMsOfIst } from '@mcube/domain';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { runBrokerCheck, type BrokerCheckStep } from '../../src/modules/orders/live/broker-check';
import { KOTAK_TEST_TUNING, startKotakLive, type KotakLiveHarness } from './kotak-live-harness';
import { testOrderPositions } from './test-order-positions';

const summary = (steps: readonly BrokerCheckStep[]) => steps.map((s) => `${s.ok ? 'PASS' : 'FAIL'} ${s.step}`);
const READS = ['PASS config', 'PASS login', 'PASS master', 'PASS funds', 'PASS positions', 'PASS open orders'];

describe('broker:check --place-test-order against the fake Neo server, through the order gateway', () => {
  let h: KotakLiveHarness;
  beforeEach(async () => {
    h = await startKotakLive();
    // NIFTY at 22,000: the fixture master's nearest strike ≥ 10% above is 24,200 (CE).
    h.server.setQuote('Nifty 50', { ltp: 22_000 });
  });
  afterEach(async () => h.close());
  const check = () => runBrokerCheck({ dataSource: h.dataSource, config: h.config, accountId: h.account.id, wallClock: h.clock, tuning: KOTAK_TEST_TUNING, placeTestOrder: true, positions: testOrderPositions(h.dataSource) });
  const orders = () => h.dataSource.getRepository(Order).find({ where: { accountId: h.account.id }, order: { id: 'ASC' } });

  it('places a 1-lot BUY LIMIT at ₹0.05 of a NIFTY option ≥ 10% OTM through the gateway (journaled TEST_ORDER, audited), cancels it and confirms CANCELED from the broker', async () => {
    await h.goLive();
    const r = await check();
    expect(summary(r.steps)).toEqual([...READS, 'PASS test order placed', 'PASS test order cancelled']);
    expect(r.ok).toBe(true);
    const place = h.server.requests('place');
    expect(place).toHaveLength(1);
    expect(place[0].form).toMatchObject({ ts: 'NIFTY2681824200CE', tt: 'B', qt: '65', pr: '0.05', pt: 'L', es: 'nse_fo' });
    expect(h.server.requests('cancel')).toHaveLength(1);
    const [row] = await orders();
    expect([row.purpose, row.side, row.quantity, row.limitPricePaise, row.status]).toEqual(['TEST_ORDER', 'BUY', 65, 5, 'CANCELED']);
    expect(place[0].form?.['ig']).toBe(row.clientOrderId);
    expect(r.steps.at(-1)?.detail).toMatch(/CANCELED, confirmed in the broker's order book/);
    const audit = await h.dataSource.getRepository(AuditLogEntity).find({ where: { action: 'broker.test_order' } });
    expect(audit.map((a) => a.entityId)).toEqual([String(row.id)]);
  });

  it('fails at "test order placed" when the gateway refuses it (PAPER account, kill switch on, market closed) and when the broker rejects it; nothing else is sent', async () => {
    let r = await check();
    expect(summary(r.steps)).toEqual([...READS, 'FAIL test order placed']);
    expect(r.steps.at(-1)?.detail).toMatch(/gateway refused it: TEST_ORDER_INVALID a test order needs a LIVE account/);
    expect(h.server.requests('place')).toEqual([]);

    await h.goLive();
    await h.dataSource.getRepository(BrokerAccount).update({ id: h.account.id }, { tradingState: 'HALTED' });
    r = await check();
    expect(summary(r.steps)).toEqual([...READS, 'FAIL test order placed']);
    expect(r.steps.at(-1)?.detail).toMatch(/TRADING_HALTED/);
    expect(h.server.requests('place')).toEqual([]);

    await h.dataSource.getRepository(BrokerAccount).update({ id: h.account.id }, { tradingState: 'ACTIVE' });
    h.server.inject('place', neoFaults.notOk(1009, 'Invalid instrument'));
    r = await check();
    expect(summary(r.steps)).toEqual([...READS, 'FAIL test order placed']);
    expect(r.steps.at(-1)?.detail).toMatch(/is REJECTED/);
    expect(r.ok).toBe(false);

    // The same day after the close: the gateway's market-hours rule (the master is still today's).
    const sentBefore = h.server.requests('place').length;
    h.clock.set(epochMsOfIst('2026-08-10', '16:00:00'));
    r = await check();
    expect(summary(r.steps)).toEqual([...READS, 'FAIL test order placed']);
    expect(r.steps.at(-1)?.detail).toMatch(/OUTSIDE_MARKET_HOURS/);
    expect(h.server.requests('place')).toHaveLength(sentBefore);
  });

  it('fails at "test order cancelled" when the broker refuses the cancel, and says a position exists when the order filled first', async () => {
    await h.goLive();
    h.server.inject('cancel', neoFaults.notOk(1021, 'Order already complete'));
    let r = await check();
    expect(summary(r.steps)).toEqual([...READS, 'PASS test order placed', 'FAIL test order cancelled']);
    expect(r.steps.at(-1)?.detail).toMatch(/the broker refused the cancel of order \d+ .*1021.*cancel it by hand/);

    h.server.inject('cancel', neoFaults.fillFirst());
    r = await check();
    expect(summary(r.steps).at(-1)).toBe('FAIL test order cancelled');
    expect(r.steps.at(-1)?.detail).toMatch(/FILLED 65 units: a position now exists at the broker, close it/);
  });
});
