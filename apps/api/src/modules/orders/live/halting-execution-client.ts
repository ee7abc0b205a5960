import type { BrokerMargin, BrokerOrderReport, BrokerPosition, BrokerTrade, ExecutionClient, Paise, PlaceOrderAck, PlaceOrderRequest } from '@mcube/domain';

/** Told once per halting broker error (static IP not registered, algo orders refused, a second session expiry, a refused login or session) with the broker's reason. */
export type OnBrokerHalt = (message: string) => Promise<void>;

/** Each broker library's own reading of "this answer halts the account" (Kotak's `halt` field, Breeze's `breezeHaltOf`). */
export type HaltOf = (error: unknown) => { readonly message: string } | undefined;

/**
 * The live adapter as the gateway sees it: the broker's `ExecutionClient` unchanged, except that
 * an error the broker library reads as halting (`haltOf`) is reported to `onHalt` (which halts the account and raises
 * CRITICAL) before it is rethrown to the gateway, which treats it as any broker error.
 */
export class HaltingExecutionClient implements ExecutionClient {
  readonly broker: ExecutionClient['broker'];

  constructor(
    private readonly inner: ExecutionClient,
    private readonly onHalt: OnBrokerHalt,
    private readonly haltOf: HaltOf,
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
      const halt = this.haltOf(error);
      if (halt) await this.onHalt(halt.message).catch(() => undefined);
      throw error;
    }
  }
}
