import type { ExecutionClient } from '@mcube/domain';

/**
 * An ExecutionClient whose inner client is looked up on every call: the live adapters hand the
 * gateway's registry one of these, so an adapter rebuilt after a credential change (or built
 * late, when credentials are read) is the one each call uses.
 */
export function lazyExecutionClient(broker: ExecutionClient['broker'], get: () => Promise<ExecutionClient>): ExecutionClient {
  const call =
    <K extends keyof ExecutionClient>(k: K) =>
    async (...args: unknown[]) => {
      const inner = await get();
      const fn = inner[k] as unknown as ((...a: unknown[]) => unknown) | undefined;
      if (typeof fn !== 'function') throw new Error(`${broker} has no ${String(k)}`);
      return fn.apply(inner, args);
    };
  return {
    broker,
    placeOrder: call('placeOrder'),
    cancelOrder: call('cancelOrder'),
    modifyOrder: call('modifyOrder'),
    orderByTag: call('orderByTag'),
    listOrders: call('listOrders'),
    listTrades: call('listTrades'),
    listPositions: call('listPositions'),
    availableMargin: call('availableMargin'),
    checkMargin: call('checkMargin'),
    ensureSession: call('ensureSession'),
  } as ExecutionClient;
}
