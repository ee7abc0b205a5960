import { kotakNeoTestKit, kotakOrderRequest } from './testing';

describe('smoke', () => {
  it('logs in, loads the master and places an order', async () => {
    const kit = await kotakNeoTestKit();
    try {
      const ack = await kit.broker.executionClient.placeOrder(kotakOrderRequest());
      expect(ack.brokerOrderId).toMatch(/^260810/);
      const report = await kit.broker.executionClient.orderByTag('k0000000000000000001');
      expect(report?.state).toBe('OPEN');
    } finally {
      await kit.close();
    }
  });
});
