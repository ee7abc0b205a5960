import { BrokerError, placeOrderOutcome } from '@mcube/domain';
import { parseSecurityMaster } from '../instruments/parse-security-master';
import { SecurityMasterResolver } from '../instruments/security-master.resolver';
import { breezeOrder, NIFTY_CALL, NIFTY_PUT, RELIANCE_FUT, startBreezeRig, type BreezeTestRig } from '../testing/icici-breeze-test-kit';
import { fixtureMasterTexts } from '../testing/master-zip.builder';
import { BreezeExecutionClient } from './breeze.execution-client';

describe('BreezeExecutionClient against the local Breeze server', () => {
  let rig: BreezeTestRig;
  beforeEach(async () => {
    rig = await startBreezeRig({ orderTimeoutMs: 400 });
    await rig.login();
  });
  afterEach(() => rig.close());

  const client = () => rig.kit.execution;
  const placeCalls = () => rig.server.callsTo('order', 'POST').length;

  describe('place, modify, cancel', () => {
    it('places a LIMIT order with the clientOrderId as remark, in the SDK body shape, and reads it back', async () => {
      const request = breezeOrder();
      const ack = await client().placeOrder(request);
      expect(ack.clientOrderId).toBe(request.clientOrderId);
      expect(rig.server.callsTo('order', 'POST')[0]).toMatchObject({
        checksum: 'VALID',
        body: { stock_code: 'NIFTY', exchange_code: 'NFO', product: 'options', action: 'sell', order_type: 'limit', quantity: '65', price: '120.5', validity: 'day', user_remark: request.clientOrderId, expiry_date: '2026-08-25T06:00:00.000Z', right: 'call', strike_price: '25000' },
      });
      const orders = await client().listOrders();
      expect(rig.server.callsTo('order', 'GET')[0].body).toEqual({ exchange_code: 'NFO', from_date: '2026-08-20T00:00:00.000Z', to_date: '2026-08-20T23:59:59.000Z' });
      expect(orders).toHaveLength(1);
      expect(orders[0]).toMatchObject({ brokerOrderId: ack.brokerOrderId, clientOrderId: request.clientOrderId, state: 'OPEN', filledQuantity: 0, quantity: 65, limitPrice: 120.5, side: 'SELL' });
      expect(orders[0].instrument).toMatchObject({ underlying: 'NIFTY', kind: 'OPT', strike: 25000, optionType: 'CE', expiry: '2026-08-25', segment: 'NFO-OPT' });
    });

    it('places a stock future under its ICICI short name and maps it back to the NSE symbol', async () => {
      await client().placeOrder(breezeOrder({ instrument: RELIANCE_FUT, side: 'BUY', quantity: 500, limitPrice: 1415.1 }));
      expect(rig.server.callsTo('order', 'POST')[0].body).toMatchObject({ stock_code: 'RELIND', product: 'futures', right: 'others', strike_price: '0', price: '1415.1' });
      const [order] = await client().listOrders();
      expect(order.instrument).toMatchObject({ underlying: 'RELIANCE', kind: 'FUT', segment: 'NFO-FUT' });
    });

    it('modifies price and quantity of a working order; a filled one cannot be modified (REJECTED)', async () => {
      const request = breezeOrder({ quantity: 130 });
      const ack = await client().placeOrder(request);
      await client().modifyOrder({ brokerOrderId: ack.brokerOrderId, limitPrice: 119.95, quantity: 195 });
      expect(await client().orderByTag(request.clientOrderId)).toMatchObject({ limitPrice: 119.95, quantity: 195 });
      rig.server.book.fill(ack.brokerOrderId, {});
      await expect(client().modifyOrder({ brokerOrderId: ack.brokerOrderId, limitPrice: 118 })).rejects.toMatchObject({ kind: 'REJECTED', details: { brokerCode: 'ORDER_NOT_OPEN' } });
    });

    it('cancels a working order (CANCELED); cancelling a filled or unknown order is REJECTED', async () => {
      const a = await client().placeOrder(breezeOrder());
      await client().cancelOrder({ brokerOrderId: a.brokerOrderId, clientOrderId: a.clientOrderId });
      expect(await client().orderByTag(a.clientOrderId)).toMatchObject({ state: 'CANCELED', filledQuantity: 0 });
      const b = await client().placeOrder(breezeOrder());
      rig.server.book.fill(b.brokerOrderId, {});
      await expect(client().cancelOrder({ brokerOrderId: b.brokerOrderId, clientOrderId: b.clientOrderId })).rejects.toMatchObject({ kind: 'REJECTED' });
      await expect(client().cancelOrder({ brokerOrderId: '999', clientOrderId: 'x' })).rejects.toMatchObject({ kind: 'REJECTED' });
    });
  });

  describe('fills', () => {
    it('reports partial fills on both legs of a strangle, one leg lagging, with stable trade ids', async () => {
      const call = await client().placeOrder(breezeOrder({ instrument: NIFTY_CALL, quantity: 130, limitPrice: 120.5 }));
      const put = await client().placeOrder(breezeOrder({ instrument: NIFTY_PUT, quantity: 130, limitPrice: 80 }));
      rig.server.book.fill(call.brokerOrderId, { quantity: 65, price: 120.5 });
      rig.clock.advance(2000);
      rig.server.book.fill(put.brokerOrderId, { quantity: 65, price: 80 });
      rig.clock.advance(2000);
      rig.server.book.fill(call.brokerOrderId, { quantity: 65, price: 121 });

      const orders = await client().listOrders();
      expect(orders.find((o) => o.clientOrderId === call.clientOrderId)).toMatchObject({ state: 'FILLED', filledQuantity: 130, averagePrice: 120.75 });
      expect(orders.find((o) => o.clientOrderId === put.clientOrderId)).toMatchObject({ state: 'OPEN', filledQuantity: 65, averagePrice: 80 });

      const trades = await client().listTrades();
      expect(trades.map((t) => [t.clientOrderId, t.quantity, t.price, t.side])).toEqual([
        [call.clientOrderId, 65, 120.5, 'SELL'],
        [put.clientOrderId, 65, 80, 'SELL'],
        [call.clientOrderId, 65, 121, 'SELL'],
      ]);
      expect(new Set(trades.map((t) => t.tradeId)).size).toBe(3);
      expect(trades[1].instrument).toMatchObject({ strike: 24000, optionType: 'PE' });
      expect((await client().listTrades()).map((t) => t.tradeId)).toEqual(trades.map((t) => t.tradeId));
    });

    it('asks for an order\'s executions again only when its traded quantity changed', async () => {
      const a = await client().placeOrder(breezeOrder({ quantity: 130 }));
      rig.server.book.fill(a.brokerOrderId, { quantity: 65 });
      await client().listTrades();
      await client().listTrades();
      const detailCalls = () => rig.server.callsTo('trades', 'GET').filter((c) => c.body?.['order_id'] !== undefined).length;
      expect(detailCalls()).toBe(1);
      rig.server.book.fill(a.brokerOrderId, { quantity: 65 });
      expect(await client().listTrades()).toHaveLength(2);
      expect(detailCalls()).toBe(2);
    });

    it('a fill that beat the cancel: the cancel is acknowledged, the order and its trade show it filled', async () => {
      const a = await client().placeOrder(breezeOrder());
      rig.server.faults.inject({ endpoint: 'order', method: 'DELETE', mode: 'FILL_AFTER_CANCEL' });
      await client().cancelOrder({ brokerOrderId: a.brokerOrderId, clientOrderId: a.clientOrderId });
      expect(await client().orderByTag(a.clientOrderId)).toMatchObject({ state: 'FILLED', filledQuantity: 65 });
      expect(await client().listTrades()).toEqual([expect.objectContaining({ brokerOrderId: a.brokerOrderId, quantity: 65, price: 120.5 })]);
    });

    it('an empty book is an empty list (Breeze answers "No Data Found")', async () => {
      expect(await client().listOrders()).toEqual([]);
      expect(await client().listTrades()).toEqual([]);
      expect(await client().listPositions()).toEqual([]);
    });
  });

  describe('rejections and unknown outcomes', () => {
    it('a rejection after the acknowledgement shows as REJECTED with nothing filled', async () => {
      const request = breezeOrder();
      rig.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'REJECT_AFTER_ACK', reason: 'RMS: price outside band' });
      const ack = await client().placeOrder(request);
      expect(await client().orderByTag(request.clientOrderId)).toMatchObject({ brokerOrderId: ack.brokerOrderId, state: 'REJECTED', filledQuantity: 0 });
    });

    it('a timeout after ICICI took the order is settled by the remark: acknowledged, one order at the broker, sent once', async () => {
      const request = breezeOrder();
      rig.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'TIMEOUT_AFTER_ACCEPT' });
      const ack = await client().placeOrder(request);
      expect(rig.server.book.countWithRemark(request.clientOrderId)).toBe(1);
      expect(ack.brokerOrderId).toBe(rig.server.book.find(request.clientOrderId).orderId);
      expect(placeCalls()).toBe(1);
    });

    it('a garbled answer to an order ICICI took is settled the same way', async () => {
      const request = breezeOrder();
      rig.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'MALFORMED', afterProcessing: true });
      await expect(client().placeOrder(request)).resolves.toMatchObject({ clientOrderId: request.clientOrderId });
      expect(rig.server.book.countWithRemark(request.clientOrderId)).toBe(1);
    });

    it('an order that never arrived stays unknown (TEMPORARY) after the lookups; it is not sent again', async () => {
      const request = breezeOrder();
      rig.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'DROP' });
      const error = (await client().placeOrder(request).catch((e: unknown) => e)) as BrokerError;
      expect(error).toBeInstanceOf(BrokerError);
      expect(placeOrderOutcome(error.kind)).toBe('UNKNOWN');
      expect(placeCalls()).toBe(1);
      expect(rig.server.callsTo('order', 'GET')).toHaveLength(2);
      expect(rig.server.book.orders).toHaveLength(0);
    });

    it('5xx before processing: TEMPORARY, looked up by remark, never resent', async () => {
      rig.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'HTTP_STATUS', status: 502 });
      await expect(client().placeOrder(breezeOrder())).rejects.toMatchObject({ kind: 'TEMPORARY' });
      expect(placeCalls()).toBe(1);
      expect(rig.server.book.orders).toHaveLength(0);
    });

    it('429 and a refusal for funds are NOT_PLACED: no lookup, no order', async () => {
      rig.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'HTTP_STATUS', status: 429, retryAfterS: 1 });
      await expect(client().placeOrder(breezeOrder())).rejects.toMatchObject({ kind: 'RATE_LIMITED' });
      rig.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'ENVELOPE', error: 'Insufficient balance in F&O segment' });
      await expect(client().placeOrder(breezeOrder())).rejects.toMatchObject({ kind: 'INSUFFICIENT_FUNDS' });
      expect(rig.server.callsTo('order', 'GET')).toHaveLength(0);
      expect(rig.server.book.orders).toHaveLength(0);
    });

    it('refuses before sending: MIS, a remark Breeze may mangle, a price off the paisa, an unlisted strike', async () => {
      const cases = [
        breezeOrder({ product: 'MIS' }),
        breezeOrder({ clientOrderId: 'tag with spaces' }),
        breezeOrder({ limitPrice: 120.555 }),
        breezeOrder({ instrument: { ...NIFTY_CALL, strike: 25010 } }),
        breezeOrder({ quantity: 0 }),
      ];
      for (const request of cases) await expect(client().placeOrder(request)).rejects.toMatchObject({ kind: 'REJECTED' });
      expect(rig.server.calls.filter((c) => c.endpoint === 'order')).toHaveLength(0);
    });

    it('ICICI\'s own refusal (lot multiple) is REJECTED', async () => {
      await expect(client().placeOrder(breezeOrder({ quantity: 64 }))).rejects.toMatchObject({ kind: 'REJECTED', details: { brokerCode: 'BAD_REQUEST' } });
    });

    it('two orders with one remark make orderByTag fail loudly (UNKNOWN, DUPLICATE_TAG)', async () => {
      const request = breezeOrder();
      await client().placeOrder(request);
      await client().placeOrder(request);
      await expect(client().orderByTag(request.clientOrderId)).rejects.toMatchObject({ kind: 'UNKNOWN', details: { brokerCode: 'DUPLICATE_TAG' } });
      expect(await client().orderByTag('r0000000000000099999')).toBeUndefined();
    });

    it('an order in a contract the client\'s master does not know is reported, never guessed', async () => {
      await client().placeOrder(breezeOrder({ instrument: { underlying: 'TATASTEEL', kind: 'FUT', expiry: '2026-08-25', segment: 'NFO-FUT' }, quantity: 5500, limitPrice: 160.01, side: 'BUY' }));
      const texts = fixtureMasterTexts();
      const fonse = texts.fonse.split('\r\n').filter((l) => !l.includes('"TATSTE"')).join('\r\n');
      const stale = new BreezeExecutionClient({ api: rig.kit.trading, resolver: new SecurityMasterResolver(parseSecurityMaster({ fonse, nse: texts.nse })), clock: rig.clock });
      await expect(stale.listOrders()).rejects.toMatchObject({ kind: 'UNKNOWN', details: { brokerCode: 'UNMAPPED_INSTRUMENT' } });
      await expect(stale.listOrders()).rejects.toThrow(/TATSTE/);
    });
  });

  describe('positions, funds and margin', () => {
    it('computes P&L from the LTP when Breeze sends pnl null; listPositions is signed quantity and average', async () => {
      const a = await client().placeOrder(breezeOrder({ quantity: 65, limitPrice: 120.5 }));
      rig.server.book.fill(a.brokerOrderId, {});
      const [view] = await client().positionsWithPnl();
      // The fixture chain has the 25000 CE at ₹106.85: a short of 65 gained (120.50 − 106.85) × 65.
      expect(view).toMatchObject({ netQuantity: -65, averagePrice: 120.5, lastPrice: 106.85, pnlPaise: 88_725, pnlSource: 'COMPUTED' });
      expect(await client().listPositions()).toEqual([{ instrument: view.instrument, netQuantity: -65, averagePrice: 120.5, product: 'NRML' }]);
    });

    it('available margin is F&O allocation minus what trades block', async () => {
      rig.server.funds.blockedFno = 1_250_000.53;
      expect(await client().availableMargin()).toEqual({ availablePaise: 1_200_000_000 - 125_000_053, usedPaise: 125_000_053, asOfMs: rig.clock.nowMs() });
    });

    it('allocates cash to F&O in whole rupees', async () => {
      await rig.kit.trading.allocateFunds({ direction: 'credit', amountPaise: 50_000_000, segment: 'FNO' });
      expect((await rig.kit.trading.funds()).allocatedFnoPaise).toBe(1_250_000_000);
      await expect(rig.kit.trading.allocateFunds({ direction: 'credit', amountPaise: 50_050, segment: 'FNO' })).rejects.toMatchObject({ kind: 'REJECTED' });
      await expect(rig.kit.trading.allocateFunds({ direction: 'credit', amountPaise: 100_000_000_00, segment: 'FNO' })).rejects.toMatchObject({ kind: 'INSUFFICIENT_FUNDS' });
    });

    it('asks the margin calculator for both legs together', async () => {
      const margin = await client().checkMargin([breezeOrder({ instrument: NIFTY_CALL, limitPrice: 120.5 }), breezeOrder({ instrument: NIFTY_PUT, limitPrice: 80 })]);
      // The fake's stand-in for SPAN is 12% of the legs' value: (120.5 + 80) × 65 × 0.12.
      expect(margin).toBe(156_390);
      const [call] = rig.server.callsTo('margincalculator', 'POST');
      expect(call.body).toMatchObject({ exchange_code: 'NFO', list_of_positions: [expect.objectContaining({ stock_code: 'NIFTY', right: 'call', strike_price: '25000' }), expect.objectContaining({ right: 'put', strike_price: '24000' })] });
    });
  });
});
