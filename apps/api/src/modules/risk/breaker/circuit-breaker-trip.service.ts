import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { breakerVerdict, effectiveRiskLimits, istDateTimeOf, unrealizedPnlOf, type BreakerReasonCode, type Clock } from '@mcube/domain';
import { DataSource, IsNull } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { inTransaction } from '../../../database/in-transaction';
import { BrokerAccount } from '../../accounts/entities/broker-account.entity';
import { AlertsService } from '../../alerts/alerts.service';
import { DailyPnl } from '../../analytics/entities/daily-pnl.entity';
import { JobHandlersRegistry } from '../../../jobs/job-handlers.registry';
import { MarketEventsBus } from '../../data/snapshots/market-events.bus';
import { riskPnlFacts } from '../context/risk-pnl-facts';
import { BREAKER_EXITS, type BreakerExitOrder, type BreakerExits } from './breaker-exits.port';
import { CircuitBreaker } from '../entities/circuit-breaker.entity';
import { RiskStatePublisher } from '../events/risk-state.publisher';
import { RiskLimit } from '../entities/risk-limit.entity';
import { PositionLeg } from '../../positions/entities/position-leg.entity';
import { Position } from '../../positions/entities/position.entity';
import { legStateOf } from '../../positions/position-state';
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
export class CircuitBreakerTripService implements OnModuleInit {
  private readonly logger = new Logger('CircuitBreaker');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(BREAKER_EXITS) private readonly exits: BreakerExits,
    // Always injected in the API; a hand-built instance (unit tests) stores alerts without a console to push to.
    @Optional() private readonly alerts: AlertsService = new AlertsService(dataSource, new MarketEventsBus()),
    /** Tells the console about a trip (after commit); absent in hand-built unit tests. */
    @Optional() private readonly riskState?: RiskStatePublisher,
    /** Where the `risk.circuit-breakers` job is registered; absent in hand-built unit tests. */
    @Optional() private readonly jobs?: JobHandlersRegistry,
  ) {}

  /** Registers `risk.circuit-breakers` (every 30 s in session): the ONE path that evaluates breakers. */
  onModuleInit(): void {
    this.jobs?.register(
      'risk.circuit-breakers',
      async () => {
        await this.evaluateAll();
      },
      'CircuitBreakerTripService',
    );
  }

  /**
   * Evaluates every active account (an inactive one is already tripped or switched off). One
   * account's failure is logged and does not stop the others; returns what was evaluated.
   */
  async evaluateAll(): Promise<BreakerEvaluation[]> {
    const accounts = await this.dataSource.getRepository(BrokerAccount).find({ where: { isActive: true }, order: { id: 'ASC' }, select: { id: true } });
    const out: BreakerEvaluation[] = [];
    for (const { id } of accounts) {
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
    const account = await this.dataSource.getRepository(BrokerAccount).findOne({ where: { id: accountId } });
    if (!account) throw new AppException('NOT_FOUND', `account ${accountId} not found`);
    const nowMs = this.clock.nowMs();
    const { date } = istDateTimeOf(nowMs);
    const position = await this.markActivePosition(accountId);
    const rows = await this.dataSource.getRepository(DailyPnl).find({ where: { accountId } });
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
        await m.update(BrokerAccount, accountId, { isActive: false, deactivationReason: reason, deactivatedAt: new Date(nowMs) });
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
    const exits = position && position.status === 'ACTIVE' ? (await this.exits.exit(position.id, `CIRCUIT_BREAKER: ${reasonCode}`, 'BREAKER')).exits : [];
    return { tripped: true, reasonCode, todayPnlPaise: pnl.todayPaise, exits };
  }

  /** Unrealised P&L of the active position from its open legs' last prices (paise), stored. */
  private async markActivePosition(accountId: number): Promise<Position | null> {
    const position = await this.dataSource.getRepository(Position).findOne({ where: { accountId, status: 'ACTIVE' } });
    if (!position) return null;
    const legs = await this.dataSource.getRepository(PositionLeg).find({ where: { positionId: position.id } });
    const unrealized = unrealizedPnlOf(legs.map((l) => legStateOf(l)));
    position.unrealizedPnlPaise = unrealized;
    await this.dataSource.getRepository(Position).update(position.id, { unrealizedPnlPaise: unrealized });
    return position;
  }
}
