import type { ExecutionClient } from '@mcube/domain';

/**
 * Injection token of the execution-client registry. Provided ONLY inside the orders module
 * and never exported: no other module can reach a broker (the architecture test checks it).
 */
export const EXECUTION_CLIENTS = Symbol('mcube:execution-clients');

/** The broker client of each account (by `broker_accounts.id`). */
export class ExecutionClientRegistry {
  private readonly clients = new Map<number, ExecutionClient>();

  /** Sets (or replaces) the client of `accountId`. */
  register(accountId: number, client: ExecutionClient): void {
    this.clients.set(accountId, client);
  }

  /** Removes the client of `accountId` (a mode switch); its orders are refused until another registers. */
  unregister(accountId: number): void {
    this.clients.delete(accountId);
  }

  /** The client of `accountId`, or undefined when the account has none (not connected). */
  get(accountId: number): ExecutionClient | undefined {
    return this.clients.get(accountId);
  }

  /** Every registered account id and client. */
  entries(): [number, ExecutionClient][] {
    return [...this.clients.entries()];
  }
}
