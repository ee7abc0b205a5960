import { isHaltingError } from '@mcube/brokers-kotak-neo';
import type { BrokerMargin, BrokerOrderReport, BrokerPosition, BrokerTrade, ExecutionClient, Paise, PlaceOrderAck, PlaceOrderRequest } from '@mcube/domain';

/** Told once per halting broker error (static IP not registered, algo orders refused, a second session expiry, a refused login). */
export type OnBrokerHalt = (error: Error & { halt: { message: string } }) => Promise<void>;

/**
 * The live adapter as the gateway sees it: the broker's `ExecutionClient` unchanged, except that
 * an error the adapter marks halting is reported to `onHalt` (which halts the account and raises
 * CRITICAL) before it is rethrown to the gateway, which treats it as any broker error.
 */
export class HaltingExecutionClient implements ExecutionClient {
  readonly broker: ExecutionClient['broker'];

  constructor(
    private readonly inner: ExecutionClient,
    private readonly onHalt: OnBrokerHalt,
  ) {
    this.broker = inner.broker;
  }

  placeOrder(request: PlaceOrderRequest): Promise<PlaceOrderAck> {
    return this.guard(() => this.inner.placeOrder(request));
  }
  cancelOrder(request: { readonly brokerOrderId: string; readonly clientOrderId: string }): Promise<void> {
    return this.guard(() => this.inner.cancelOrder(request));
  }
  orderByTag(clientOrderId: string): Promise<BrokerOrderReport | undefined> {
    return this.guard(() => this.inner.orderByTag(clientOrderId));
  }
  listOrders(): Promise<readonly BrokerOrderReport[]> {
    return this.guard(() => this.inner.listOrders());
  }
  listTrades(): Promise<readonly BrokerTrade[]> {
    return this.guard(() => this.inner.listTrades());
  }
  listPositions(): Promise<readonly BrokerPosition[]> {
    return this.guard(() => this.inner.listPositions());
  }
  availableMargin(): Promise<BrokerMargin> {
    return this.guard(() => this.inner.availableMargin());
  }
  modifyOrder(request: { readonly brokerOrderId: string; readonly quantity?: number; readonly limitPrice?: number }): Promise<void> {
    const modify = this.inner.modifyOrder?.bind(this.inner);
    if (!modify) return Promise.reject(new Error(`${this.broker} has no modify`));
    return this.guard(() => modify(request));
  }
  checkMargin(requests: readonly PlaceOrderRequest[]): Promise<Paise> {
    const check = this.inner.checkMargin?.bind(this.inner);
    if (!check) return Promise.reject(new Error(`${this.broker} has no margin check`));
    return this.guard(() => check(requests));
  }
  ensureSession(): Promise<void> {
    return this.guard(() => this.inner.ensureSession?.() ?? Promise.resolve());
  }

  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (isHaltingError(error)) await this.onHalt(error).catch(() => undefined);
      throw error;
    }
  }
}
