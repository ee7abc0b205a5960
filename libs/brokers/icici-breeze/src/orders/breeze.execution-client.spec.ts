import { BrokerError } from '@mcube/domain';
import { breezeOrder, startBreezeRig, type BreezeTestRig } from '../testing/icici-breeze-test-kit';

describe('BreezeExecutionClient against the local Breeze server', () => {
  let rig: BreezeTestRig;
  beforeEach(async () => {
    rig = await startBreezeRig();
    await rig.login();
  });
  afterEach(() => rig.close());

  it('places a limit order with the clientOrderId as remark and reads it back from the order book', async () => {
    const request = breezeOrder();
    const ack = await rig.kit.execution.placeOrder(request);
    expect(ack.clientOrderId).toBe(request.clientOrderId);
    const orders = await rig.kit.execution.listOrders();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ brokerOrderId: ack.brokerOrderId, clientOrderId: request.clientOrderId, state: 'OPEN', filledQuantity: 0, quantity: 65, limitPrice: 120.5, side: 'SELL' });
    expect(orders[0].instrument).toMatchObject({ underlying: 'NIFTY', kind: 'OPT', strike: 25000, optionType: 'CE', expiry: '2026-08-25' });
  });

  it('refuses a placement without a session and sends nothing', async () => {
    rig.sessions.session = undefined;
    const before = rig.server.calls.length;
    await expect(rig.kit.execution.placeOrder(breezeOrder())).rejects.toMatchObject({ kind: 'AUTH_EXPIRED' });
    expect(rig.server.calls.length).toBe(before);
    await expect(rig.kit.execution.placeOrder(breezeOrder())).rejects.toBeInstanceOf(BrokerError);
  });
});
