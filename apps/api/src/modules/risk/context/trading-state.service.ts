import { Injectable } from '@nestjs/common';
import type { TradingStateFields } from '@mcube/contracts';
import { effectiveTradingState, type ReconciliationState } from '@mcube/domain';
import { DataSource, In, IsNull } from 'typeorm';
import { type AccountFacts } from '../../accounts/account-reads';
import { CircuitBreaker } from '../entities/circuit-breaker.entity';
import { ReconciliationGate } from './reconciliation-gate';

/**
 * What every endpoint reports as an account's trading state: the domain's
 * `effectiveTradingState` of its kill switch, this process's reconciliation gate, its open
 * breakers (or a system-wide one) and `isActive` — the same facts the order gateway checks, so
 * no endpoint can claim ACTIVE while the gateway refuses new risk.
 */
@Injectable()
export class TradingStateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: ReconciliationGate,
  ) {}

  /** The fields of one stored account (one query for its breakers). */
  async of(account: AccountFacts): Promise<TradingStateFields> {
    return (await this.ofMany([account])).get(account.id) as TradingStateFields;
  }

  /** The fields of each account, by id. */
  async ofMany(accounts: readonly AccountFacts[]): Promise<Map<number, TradingStateFields>> {
    const ids = accounts.map((a) => a.id);
    const open = ids.length === 0 ? [] : await this.dataSource.getRepository(CircuitBreaker).find({ where: [{ accountId: In(ids), resetAt: IsNull() }, { scope: 'SYSTEM', resetAt: IsNull() }], select: { id: true, accountId: true, scope: true } });
    return new Map(accounts.map((a) => [a.id, this.fieldsOf(a, open.some((b) => b.accountId === a.id || b.scope === 'SYSTEM'))]));
  }

  /** The fields from an account row and whether a breaker is open for it; `reconciliation` defaults to the gate now. */
  fieldsOf(account: AccountFacts, breakerTripped: boolean, reconciliation: ReconciliationState = this.gate.stateOf(account.id)): TradingStateFields {
    const { effective, causes } = effectiveTradingState({ killSwitch: account.tradingState, reconciliation, breakerTripped, accountActive: account.isActive });
    return {
      tradingState: effective,
      tradingStateCauses: [...causes],
      killSwitch: { state: account.tradingState, setByRole: account.tradingStateSetByRole, setBy: account.tradingStateSetBy },
    };
  }
}
