import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Clock } from '@mcube/domain';
import { DataSource, IsNull } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { currentRequestContext } from '../../../common/request-context/request-context';
import { inTransaction } from '../../../database/in-transaction';
import { BrokerAccount, type AccountTradingState } from '../../accounts/entities/broker-account.entity';
import { AuditService } from '../../core/audit/audit.service';
import { CLOCK } from '../../core/clock/clock.token';
import { CircuitBreaker } from '../entities/circuit-breaker.entity';
import { RiskStatePublisher } from '../events/risk-state.publisher';

/**
 * The kill switch: sets an account's (or every account's) trading state, audited in the
 * same transaction. The gateway reads the state on every intent (HALTED: nothing but
 * cancels; REDUCING: only reducing orders). Throws NOT_FOUND for an unknown account.
 */
@Injectable()
export class KillSwitchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    /** Absent only in hand-built unit tests: no console to tell. */
    @Optional() private readonly riskState?: RiskStatePublisher,
  ) {}

  /** Applies `state`; returns the accounts as stored afterwards. */
  async set(state: AccountTradingState, reason: string, accountId?: number): Promise<{ id: number; tradingState: AccountTradingState }[]> {
    const changed = await inTransaction(this.dataSource, async (m) => {
      const accounts = accountId === undefined ? await m.find(BrokerAccount, { order: { id: 'ASC' } }) : await m.find(BrokerAccount, { where: { id: accountId } });
      if (accountId !== undefined && accounts.length === 0) throw new AppException('NOT_FOUND', `account ${accountId} not found`);
      for (const a of accounts) {
        const old = a.tradingState;
        await m.update(BrokerAccount, a.id, { tradingState: state });
        await this.audit.record({ action: 'KILL_SWITCH', entity: 'broker_account', entityId: String(a.id), oldValue: { tradingState: old }, newValue: { tradingState: state, reason } }, m);
      }
      return accounts.map((a) => ({ id: a.id, tradingState: state }));
    });
    // Told only once committed: the console never shows a state that rolled back.
    await this.riskState?.publish(
      changed.map((a) => a.id),
      `kill switch: ${state} (${reason})`,
    );
    return changed;
  }

  /**
   * Resets breaker `breakerId` (an admin's decision: the route is admin-only) and, when no
   * other trip of that account stays open, re-activates the account; audited in the same
   * transaction. Throws NOT_FOUND, CONFLICT when it was already reset.
   */
  async resetBreaker(breakerId: number, note: string): Promise<CircuitBreaker> {
    const reset = await inTransaction(this.dataSource, async (m) => {
      const breaker = await m.findOne(CircuitBreaker, { where: { id: breakerId } });
      if (!breaker) throw new AppException('NOT_FOUND', `circuit breaker ${breakerId} not found`);
      if (breaker.resetAt) throw new AppException('CONFLICT', `circuit breaker ${breakerId} was already reset`);
      const by = currentRequestContext()?.principal?.username ?? 'system';
      breaker.resetAt = new Date(this.clock.nowMs());
      breaker.resetBy = by;
      breaker.resetNote = note;
      await m.save(CircuitBreaker, breaker);
      if (breaker.accountId !== null && (await m.count(CircuitBreaker, { where: { accountId: breaker.accountId, resetAt: IsNull() } })) === 0) {
        await m.update(BrokerAccount, breaker.accountId, { isActive: true, deactivationReason: null, deactivatedAt: null });
      }
      await this.audit.record({ action: 'CIRCUIT_BREAKER_RESET', entity: 'circuit_breaker', entityId: String(breakerId), oldValue: { resetAt: null }, newValue: { resetBy: by, note } }, m);
      return breaker;
    });
    if (reset.accountId !== null) await this.riskState?.publish([reset.accountId], `circuit breaker ${breakerId} reset: ${note}`);
    else await this.riskState?.publish(await this.allAccountIds(), `system circuit breaker ${breakerId} reset: ${note}`);
    return reset;
  }

  private async allAccountIds(): Promise<number[]> {
    return (await this.dataSource.getRepository(BrokerAccount).find({ select: { id: true } })).map((a) => a.id);
  }

  /** Circuit breaker trips, newest first (open ones have no `resetAt`). */
  breakers(): Promise<CircuitBreaker[]> {
    return this.dataSource.getRepository(CircuitBreaker).find({ order: { trippedAt: 'DESC' }, take: 200 });
  }
}
