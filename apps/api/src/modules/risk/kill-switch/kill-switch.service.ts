import { Inject, Injectable, Optional } from '@nestjs/common';
import type { KillSwitchResponse } from '@mcube/contracts';
import { killSwitchVerdict, type Clock } from '@mcube/domain';
import { DataSource, IsNull } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { currentRequestContext } from '../../../common/request-context/request-context';
import { inTransaction } from '../../../database/in-transaction';
import { reactivateAccount, setTradingState, type AccountTradingState } from '../../accounts/account-commands';
import { accountIds, accountsWhere } from '../../accounts/account-reads';
import { AuditService } from '../../core/audit/audit.service';
import { TradingStateService } from '../context/trading-state.service';
import { CircuitBreaker } from '../entities/circuit-breaker.entity';
import { RiskStatePublisher } from '../events/risk-state.publisher';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** Who moves the switch: a person by role, or mCube itself (no request: counted as the system). */
export interface KillSwitchActor {
  readonly username: string;
  readonly role: 'admin' | 'trader' | 'viewer' | 'system';
}

/** The caller of the current request, else the system. */
function actorOfRequest(): KillSwitchActor {
  const principal = currentRequestContext()?.principal;
  return principal ? { username: principal.username, role: principal.role } : { username: 'system', role: 'system' };
}

/**
 * The kill switch: sets an account's (or every account's) switch, audited in the same
 * transaction, under the domain's authority rules (`killSwitchVerdict`: lifting a state an
 * admin or the system set needs an admin, every account at once needs an admin; FORBIDDEN
 * otherwise, nothing changed). The gateway reads the switch on every intent; the answer is
 * each account's EFFECTIVE state with its causes (`TradingStateService`): setting ACTIVE while
 * reconciliation is pending answers REDUCING with UNRECONCILED. Throws NOT_FOUND.
 */
@Injectable()
export class KillSwitchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    private readonly states: TradingStateService,
    /** Absent only in hand-built unit tests: no console to tell. */
    @Optional() private readonly riskState?: RiskStatePublisher,
  ) {}

  /** Applies `state` as `actor` (default: the request's caller); returns the accounts as they now trade. */
  async set(state: AccountTradingState, reason: string, accountId?: number, actor: KillSwitchActor = actorOfRequest()): Promise<KillSwitchResponse> {
    const changed = await inTransaction(this.dataSource, async (m) => {
      const accounts = await accountsWhere(m, accountId === undefined ? {} : { ids: [accountId] });
      if (accountId !== undefined && accounts.length === 0) throw new AppException('NOT_FOUND', `account ${accountId} not found`);
      for (const a of accounts) {
        const old = { tradingState: a.tradingState, setByRole: a.tradingStateSetByRole, setBy: a.tradingStateSetBy };
        // The system moves the switch with an admin's authority and is recorded as itself.
        const role = actor.role === 'system' ? 'admin' : actor.role;
        const verdict = killSwitchVerdict({ from: a.tradingState, setBy: a.tradingStateSetByRole, to: state, actor: role, allAccounts: accountId === undefined });
        if (!verdict.ok) throw new AppException('FORBIDDEN', `account ${a.id}: ${verdict.reason}`);
        // A stronger earlier setter stays the setter (a trader tightening an admin's HALTED cannot lift it later).
        const kept = verdict.setBy !== null && verdict.setBy !== role;
        const setByRole = verdict.setBy === null ? null : kept ? verdict.setBy : actor.role === 'system' ? 'system' : verdict.setBy;
        const setBy = setByRole === null ? null : kept ? old.setBy : actor.username;
        await setTradingState(m, a.id, { tradingState: state, tradingStateSetByRole: setByRole, tradingStateSetBy: setBy });
        Object.assign(a, { tradingState: state, tradingStateSetByRole: setByRole, tradingStateSetBy: setBy });
        await this.audit.record({ action: 'KILL_SWITCH', entity: 'broker_account', entityId: String(a.id), oldValue: old, newValue: { tradingState: state, reason, setByRole, setBy } }, m);
      }
      return accounts;
    });
    // Told only once committed: the console never shows a state that rolled back.
    await this.riskState?.publish(
      changed.map((a) => a.id),
      `kill switch: ${state} (${reason})`,
    );
    const fields = await this.states.ofMany(changed);
    return changed.map((a) => ({ id: a.id, ...(fields.get(a.id) as NonNullable<ReturnType<typeof fields.get>>) }));
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
        await reactivateAccount(m, breaker.accountId);
      }
      await this.audit.record({ action: 'CIRCUIT_BREAKER_RESET', entity: 'circuit_breaker', entityId: String(breakerId), oldValue: { resetAt: null }, newValue: { resetBy: by, note } }, m);
      return breaker;
    });
    if (reset.accountId !== null) await this.riskState?.publish([reset.accountId], `circuit breaker ${breakerId} reset: ${note}`);
    else await this.riskState?.publish(await this.allAccountIds(), `system circuit breaker ${breakerId} reset: ${note}`);
    return reset;
  }

  private async allAccountIds(): Promise<number[]> {
    return accountIds(this.dataSource);
  }

  /** Circuit breaker trips, newest first (open ones have no `resetAt`). */
  breakers(): Promise<CircuitBreaker[]> {
    return this.dataSource.getRepository(CircuitBreaker).find({ order: { trippedAt: 'DESC' }, take: 200 });
  }
}
