import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ReconciliationState } from '@mcube/domain';
import type Redis from 'ioredis';
import { loadIoredis } from '../../../common/redis/load-ioredis';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { AccountLeases } from '../../../roles/account-leases';
import { ReconciliationGate } from './reconciliation-gate';

/** How often a worker writes its held accounts' states, and an `api` process reads them. */
export const SHARED_RECONCILIATION_EVERY_MS = 1_000;

const STATES: readonly ReconciliationState[] = ['PENDING', 'MISMATCH', 'RECONCILED'];

/** The Redis hash of the accounts' reconciliation states (field: account id). */
export function reconciliationStatesKey(queuePrefix: string): string {
  return `${queuePrefix}:reconciliation:accounts`;
}

/**
 * The reconciliation gate across processes (issue 13, process roles; with REDIS_URL only). An
 * `api` process builds no broker client and reconciles nothing, so its gate would stay PENDING:
 * it mirrors the states the workers store instead. A worker writes the gate state of each
 * account it holds the lease of (the one whose broker session and book the orders go through)
 * on every change and every `SHARED_RECONCILIATION_EVERY_MS` (so a worker that takes over an
 * account, or restarts PENDING, overwrites the last holder's); the `api` process reads the hash
 * at start-up and as often, and sets its gate to it (its order gate, trading states and
 * `risk.state` then say what the holder's gate says). An account no worker has written is
 * PENDING in the API (no new risk). The API's copy may lag by a second: the order gate is the
 * early refusal only; the worker's gateway checks its own gate again before any order.
 */
@Injectable()
export class SharedReconciliationStates implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SharedReconciliationStates');
  private redis?: Redis;
  private timer?: NodeJS.Timeout;
  private stopListening?: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly gate: ReconciliationGate,
    private readonly leases: AccountLeases,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.redisUrl) return;
    if (this.leases.runsWorkerDuties) {
      this.stopListening = this.gate.onChange((accountId, state) => void this.writeIfHeld(accountId, state));
      this.every(() => this.writeHeld());
      return;
    }
    await this.read();
    this.every(() => this.read());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopListening?.();
    if (this.timer) clearInterval(this.timer);
    await this.redis?.quit().catch(() => undefined);
  }

  /** The API's side: the stored states into this process's gate. */
  async read(): Promise<void> {
    try {
      const stored = await this.client().hgetall(this.key());
      for (const [field, state] of Object.entries(stored)) {
        const accountId = Number(field);
        if (!Number.isSafeInteger(accountId) || !STATES.includes(state as ReconciliationState)) continue;
        if (state === 'RECONCILED') this.gate.markReconciled(accountId);
        else this.gate.markUnreconciled(accountId, state === 'MISMATCH');
      }
    } catch (error) {
      // Kept as last read: the worker's gateway still checks its own gate before any order.
      this.logger.warn(`the workers' reconciliation states could not be read: ${(error as Error).message}`);
    }
  }

  /** A worker's side: the states of the accounts it holds. */
  async writeHeld(): Promise<void> {
    for (const accountId of this.leases.heldAccounts()) await this.write(accountId, this.gate.stateOf(accountId));
  }

  private async writeIfHeld(accountId: number, state: ReconciliationState): Promise<void> {
    if (await this.leases.owns(accountId)) await this.write(accountId, state);
  }

  private async write(accountId: number, state: ReconciliationState): Promise<void> {
    await this.client()
      .hset(this.key(), String(accountId), state)
      .catch((error: Error) => this.logger.warn(`account ${accountId}: reconciliation state not stored: ${error.message}`));
  }

  private every(pass: () => Promise<void>): void {
    let running = false;
    this.timer = setInterval(() => {
      if (running) return;
      running = true;
      void pass().finally(() => (running = false));
    }, SHARED_RECONCILIATION_EVERY_MS);
    this.timer.unref();
  }

  private key(): string {
    return reconciliationStatesKey(this.config.jobs.queuePrefix);
  }

  private client(): Redis {
    if (!this.redis) {
      this.redis = new (loadIoredis())(this.config.redisUrl as string, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
      this.redis.on('error', () => undefined);
    }
    return this.redis;
  }
}
