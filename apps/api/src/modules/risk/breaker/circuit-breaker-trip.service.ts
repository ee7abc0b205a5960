import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { breakerVerdict, effectiveRiskLimits, istDateTimeOf, type BreakerReasonCode, type Clock } from '@mcube/domain';
import { DataSource, IsNull } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { inTransaction } from '../../../database/in-transaction';
import { deactivateAccount } from '../../accounts/account-commands';
import { accountById, accountIds } from '../../accounts/account-reads';
import { AlertsService } from '../../alerts/alerts.service';
import { DAILY_PNL_READER, type DailyPnlHistory } from '../../analytics/daily-pnl/daily-pnl-history';
import { HandlesJob } from '../../../jobs/handles-job.decorator';
import { riskPnlFacts } from '../context/risk-pnl-facts';
import { BREAKER_EXITS, type BreakerExitOrder, type BreakerExits } from './breaker-exits.port';
import { CircuitBreaker } from '../entities/circuit-breaker.entity';
import { RiskStatePublisher } from '../events/risk-state.publisher';
import { RiskLimit } from '../entities/risk-limit.entity';
import { RISK_POSITIONS, type RiskPositions } from '../ports/risk-positions.port';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** What one evaluation found and did. */
export interface BreakerEvaluation {
  readonly tripped: boolean;
  readonly reasonCode?: BreakerReasonCode;
  readonly todayPnlPaise: number;
  readonly exits: readonly BreakerExitOrder[];
}

/**
 * The circuit breaker: marks the active position from its legs' last prices, then compares
 * today's and this week's P&L and the drawdown with the account's limits (the domain's
 * `effectiveRiskLimits` and `breakerVerdict`, as the risk checks and the loss-limit warning read
 * them). On a breach
 * (and no open trip yet) it records the trip, deactivates the account and raises a
 * CRITICAL alert in one transaction, then closes every position THROUGH THE GATEWAY
 * (reducing orders pass the breaker) via the `BreakerExits` port, which the positions module
 * implements. Only a person re-activates. Throws NOT_FOUND. Provided by the risk module.
 */
@Injectable()
export class CircuitBreakerTripService {
  private readonly logger = new Logger('CircuitBreaker');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(BREAKER_EXITS) private readonly exits: BreakerExits,
    /** Marks the ACTIVE position (the positions module writes its own tables). */
    @Inject(RISK_POSITIONS) private readonly positions: RiskPositions,
    @Inject(DAILY_PNL_READER) private readonly dailyPnl: DailyPnlHistory,
    private readonly alerts: AlertsService,
    /** Tells the console about a trip (after commit); absent in hand-built unit tests. */
    @Optional() private readonly riskState?: RiskStatePublisher,
  ) {}

  /**
   * Evaluates every active account (an inactive one is already tripped or switched off). One
   * account's failure is logged and does not stop the others; returns what was evaluated. The
   * `risk.circuit-breakers` job (every 30 s in session): the ONE path that evaluates breakers.
   */
  @HandlesJob('risk.circuit-breakers')
  async evaluateAll(): Promise<BreakerEvaluation[]> {
    const ids = await accountIds(this.dataSource, { isActive: true });
    const out: BreakerEvaluation[] = [];
    for (const id of ids) {
      try {
        out.push(await this.evaluate(id));
      } catch (error) {
        this.logger.error(`circuit breaker of account ${id} not evaluated: ${(error as Error).message}`);
      }
    }
    return out;
  }

  /** Evaluates account `accountId` now. */
  async evaluate(accountId: number): Promise<BreakerEvaluation> {
    const account = await accountById(this.dataSource, accountId);
    if (!account) throw new AppException('NOT_FOUND', `account ${accountId} not found`);
    const nowMs = this.clock.nowMs();
    const { date } = istDateTimeOf(nowMs);
    const position = await this.positions.markActive(accountId);
    const rows = await this.dailyPnl.daysOf(accountId);
    const pnl = riskPnlFacts({ date, rows, allocatedCapitalPaise: account.allocatedCapitalPaise, activePosition: position });
    const limit = await this.dataSource.getRepository(RiskLimit).findOne({ where: { accountId } });
    // One resolution of the limits and one breaker rule for the risk checks, this and the loss-limit warning.
    const verdict = breakerVerdict({ pnl, limits: effectiveRiskLimits({ row: limit, broker: account.broker }).loss });
    const reasonCode = verdict.reasonCode;
    if (!verdict.trip || !reasonCode) return { tripped: false, todayPnlPaise: pnl.todayPaise, exits: [] };
    const alreadyOpen = await this.dataSource.getRepository(CircuitBreaker).exists({ where: { accountId, resetAt: IsNull() } });
    if (!alreadyOpen) {
      const context = verdict.context;
      // The code first (the console and alerts search for it), then the breached rule's figures.
      const reason = `${reasonCode}: ${verdict.reason}`;
      const alert = await inTransaction(this.dataSource, async (m) => {
        await m.insert(CircuitBreaker, { accountId, scope: 'ACCOUNT', reasonCode, reason, context, trippedAt: new Date(nowMs), resetBy: null, resetAt: null, resetNote: null });
        await deactivateAccount(m, accountId, reason, new Date(nowMs));
        return this.alerts.store(m, {
          accountId,
          severity: 'CRITICAL',
          category: 'RISK',
          title: `Circuit breaker tripped on account ${account.accountNumber}`,
          message: `${reason}. Closing every position; the account is deactivated until an admin re-activates it.`,
          context,
          // One alert per trip (a second trip the same day, after a reset, must alert again).
          dedupKey: `breaker:${accountId}:${nowMs}`,
          occurredAtMs: nowMs,
        });
      });
      // Pushed only once the trip is committed: the console never shows an alert that rolled back.
      if (alert) this.alerts.publish(alert);
      await this.riskState?.publish([accountId], reason);
    }
    // Stored as the BREAKER's exit: the exit chaser works every leg until flat, even after a restart.
    const exits = position ? (await this.exits.exit(position.id, `CIRCUIT_BREAKER: ${reasonCode}`, 'BREAKER')).exits : [];
    return { tripped: true, reasonCode, todayPnlPaise: pnl.todayPaise, exits };
  }
}
