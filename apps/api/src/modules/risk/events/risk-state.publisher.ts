import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Clock, ReconciliationState } from '@mcube/domain';
import { DataSource, In, IsNull } from 'typeorm';
import { accountsWhere } from '../../accounts/account-reads';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { ReconciliationGate } from '../context/reconciliation-gate';
import { TradingStateService } from '../context/trading-state.service';
import { CircuitBreaker } from '../entities/circuit-breaker.entity';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

const GATE_REASON: Record<ReconciliationState, string> = { RECONCILED: 'reconciled with the broker', PENDING: 'reconciliation pending', MISMATCH: 'reconciliation found a mismatch' };

/**
 * Publishes `risk.state` for accounts whose trading state or breaker changed: callers invoke
 * `publish` AFTER their transaction committed (kill switch, breaker trip and reset); the
 * reconciliation gate's changes are picked up by listening to it. The state sent is the
 * effective one with its causes (`TradingStateService`), the one the gateway trades on.
 */
@Injectable()
export class RiskStatePublisher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RiskState');
  private stopListening?: () => void;
  /** Gate changes are published one after the other, in the order they happened. */
  private gateChain: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: AppEventsBus,
    private readonly gate: ReconciliationGate,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    private readonly states: TradingStateService,
  ) {}

  onModuleInit(): void {
    this.stopListening = this.gate.onChange((accountId, state) => {
      this.gateChain = this.gateChain.then(() => this.publish([accountId], GATE_REASON[state], state)).catch((e: unknown) => this.logger.warn(`risk.state after reconciliation failed: ${(e as Error).message}`));
    });
  }

  onModuleDestroy(): void {
    this.stopListening?.();
  }

  /**
   * Reads the accounts as committed and publishes one event each; `reconciliation` is the gate
   * state the event stands for (default: the gate now).
   */
  async publish(accountIds: readonly number[], reason: string | null, reconciliation?: ReconciliationState): Promise<void> {
    if (accountIds.length === 0) return;
    const [accounts, open] = await Promise.all([
      accountsWhere(this.dataSource, { ids: accountIds }),
      this.dataSource.getRepository(CircuitBreaker).find({ where: [{ accountId: In([...accountIds]), resetAt: IsNull() }, { scope: 'SYSTEM', resetAt: IsNull() }], select: { id: true, accountId: true, scope: true } }),
    ]);
    const atMs = this.clock.nowMs();
    for (const a of accounts) {
      const breakerTripped = open.some((b) => b.accountId === a.id || b.scope === 'SYSTEM');
      this.bus.publish('risk.state', { accountId: a.id, ...this.states.fieldsOf(a, breakerTripped, reconciliation), isActive: a.isActive, breakerTripped, reason, atMs });
    }
  }
}
