import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  calendarExpirySource,
  daysBetween,
  effectiveRiskLimits,
  istDateTimeOf,
  tickSize,
  usableMargin,
  type BrokerMargin,
  type Clock,
  type ExpirySource,
  type IntentInstrument,
  type NseCalendar,
  type OrderPurpose,
  type OrderStopModel,
  type RiskContext,
  type AccountStateContext,
} from '@mcube/domain';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { accountById, type AccountFacts } from '../../accounts/account-reads';
import { DAILY_PNL_READER, type DailyPnlHistory } from '../../analytics/daily-pnl/daily-pnl-history';
import { contractFreezeQuantity, contractLotSize } from '../../data/instruments/contract-terms';
import { InstrumentStore } from '../../data/instruments/instrument-store.service';
import { EXPIRY_SOURCE, NSE_CALENDAR } from '../../data/source/market-data.tokens';
import { RISK_POSITIONS, type ActivePositionFacts, type RiskPositions } from '../ports/risk-positions.port';
import { CircuitBreaker } from '../entities/circuit-breaker.entity';
import { RiskLimit } from '../entities/risk-limit.entity';
import { orderStopModelOf } from './entry-facts';
import { ReconciliationGate } from './reconciliation-gate';
import { riskPnlFacts } from './risk-pnl-facts';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** What the gateway knows when it asks for a risk context. */
export interface RiskContextRequest {
  readonly accountId: number;
  readonly instrument: IntentInstrument;
  readonly purpose: OrderPurpose;
  /** Margin as the account's execution client reports it (the risk module never talks to a broker). */
  readonly margin: BrokerMargin;
}

/** The gathered context and the stored rows it came from (the gateway needs the account). */
export interface GatheredRiskContext {
  readonly context: RiskContext;
  readonly account: AccountFacts;
  readonly activePosition: ActivePositionFacts | null;
  /** The stops the gateway's per-trade risk is computed with (`orderFigures`). */
  readonly stops: OrderStopModel;
}

/**
 * The facts that decide whether an account can trade at all, whatever the order: its kill
 * switch, its reconciliation state, whether it is active, whether a breaker is open.
 */
export interface AccountGateFacts {
  readonly account: AccountFacts;
  readonly context: AccountStateContext;
}

/**
 * Gathers the `RiskContext` of one intent from the database (account, kill switch, open
 * breakers, the active position, stored limits, P&L rows), the broker margin passed in,
 * the NSE calendar (session hours; whether today and the contract's expiry are confirmed or
 * only assumed past the horizon), the injected clock, and the account's reconciliation state
 * (`ReconciliationGate`). It decides nothing: the pure checks of
 * `@mcube/domain` do. Throws AppException NOT_FOUND for an unknown account; DomainError for
 * an instrument the contract tables do not know (unknown underlying, bad expiry).
 */
@Injectable()
export class RiskContextService {
  private readonly expiries: ExpirySource;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    /** The one stored calendar of the process (the data module's). */
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    /** The positions tables, read through the positions module (the ACTIVE position, its open legs). */
    @Inject(RISK_POSITIONS) private readonly positions: RiskPositions,
    /** The stored daily P&L, read through the analytics module that owns it. */
    @Inject(DAILY_PNL_READER) private readonly dailyPnl: DailyPnlHistory,
    /** Absent only in unit tests of the gateway; the API always provides it. */
    @Optional() private readonly gate?: ReconciliationGate,
    @Optional() @Inject(EXPIRY_SOURCE) expiries?: ExpirySource,
    /** Lot size and freeze quantity from a stored broker master when one lists the contract. */
    @Optional() private readonly instruments?: InstrumentStore,
  ) {
    this.expiries = expiries ?? calendarExpirySource(calendar);
  }

  /**
   * The account-level facts only, for the REST order gate before a body is parsed: two reads
   * (the account, its open breakers), not the stored limits (the gate's checks read none; the
   * gateway reads everything again itself). Throws AppException NOT_FOUND for an unknown account.
   */
  async gatherAccountGate(accountId: number, manager: EntityManager = this.dataSource.manager): Promise<AccountGateFacts> {
    const account = await accountById(manager, accountId);
    if (!account) throw new AppException('NOT_FOUND', `account ${accountId} not found`);
    return { account, context: this.accountStateFacts(account, await this.openBreakers(manager, account.id)) };
  }

  private openBreakers(manager: EntityManager, accountId: number): Promise<number> {
    return manager.count(CircuitBreaker, { where: [{ accountId, resetAt: IsNull() }, { scope: 'SYSTEM', resetAt: IsNull() }] });
  }

  /** The context now; reads through `manager` when given (inside a transaction). */
  async gather(request: RiskContextRequest, manager: EntityManager = this.dataSource.manager): Promise<GatheredRiskContext> {
    const nowMs = this.clock.nowMs();
    const { date, time } = istDateTimeOf(nowMs);
    const account = await accountById(manager, request.accountId);
    if (!account) throw new AppException('NOT_FOUND', `account ${request.accountId} not found`);
    const [limitRow, openBreakers, activePosition, pnlRows] = await Promise.all([
      manager.findOne(RiskLimit, { where: { accountId: account.id } }),
      this.openBreakers(manager, account.id),
      this.positions.activeOf(account.id, manager),
      this.dailyPnl.daysOf(account.id, manager),
    ]);
    // One resolution of the limits for the checks, the breaker and the loss-limit warning.
    const effective = effectiveRiskLimits({ row: limitRow, broker: account.broker });
    const settings = effective.orderPath;
    const inUsePaise = Math.max(0, request.margin.usedPaise);
    const usablePaise = usableMargin({
      availableMarginPaise: request.margin.availablePaise,
      allocatedCapitalPaise: account.allocatedCapitalPaise,
      maxMarginUsagePct: effective.margin.maxMarginUsagePct,
      marginInUsePaise: inUsePaise,
      firstTradeFraction: effective.margin.firstTradeFraction,
    });
    const { instrument } = request;
    const positionExposure = activePosition?.entryValuePaise ?? 0;
    const activePositionLegs = activePosition ? await this.positions.openLegShapes(activePosition.id, manager) : undefined;
    const context: RiskContext = {
      nowMs,
      date,
      time,
      withinSession: this.calendar.isWithinSession(date, time),
      ...this.accountFacts(account, limitRow, openBreakers),
      activePositionExists: activePosition !== null,
      activePositionId: activePosition ? String(activePosition.id) : undefined,
      activePositionLegs,
      margins: { availablePaise: request.margin.availablePaise, inUsePaise, usablePaise },
      pnl: riskPnlFacts({ date, rows: pnlRows, allocatedCapitalPaise: account.allocatedCapitalPaise, activePosition }),
      exposure: { totalPaise: positionExposure, positionPaise: request.purpose === 'ENTRY' ? 0 : positionExposure },
      limits: effective.checks,
      instrument: {
        lotSize: contractLotSize(this.instruments, instrument.underlying, instrument.expiry),
        tickSize,
        freezeQuantity: contractFreezeQuantity(this.instruments, instrument.underlying, date, instrument.expiry),
      },
      expiry: { daysToExpiry: daysBetween(date, instrument.expiry), minDaysToExpiry: instrument.kind === 'FUT' ? settings.minDaysToExpiryFutures : settings.minDaysToExpiryOptions },
      calendar: {
        dateConfirmed: this.calendar.isConfirmed(date),
        expiryConfirmed: this.expiries.isConfirmedExpiry(instrument.underlying, instrument.expiry),
        horizon: this.calendar.horizon,
      },
    };
    return { context, account, activePosition, stops: orderStopModelOf(limitRow, account.broker) };
  }

  private accountFacts(account: AccountFacts, limitRow: RiskLimit | null, openBreakers: number): Pick<RiskContext, 'tradingState' | 'reconciliation' | 'account' | 'breakerTripped'> {
    const facts = this.accountStateFacts(account, openBreakers);
    return { ...facts, account: { ...facts.account, requiresApproval: effectiveRiskLimits({ row: limitRow, broker: account.broker }).orderPath.requiresApproval } };
  }

  private accountStateFacts(account: AccountFacts, openBreakers: number): AccountStateContext {
    return {
      tradingState: account.tradingState,
      // Until reconciled with its broker after a start (or after a mismatch), no new risk: the domain's trading-state model.
      reconciliation: this.gate ? this.gate.stateOf(account.id) : 'RECONCILED',
      account: { accountId: String(account.id), broker: account.broker, active: account.isActive, allocatedCapitalPaise: account.allocatedCapitalPaise },
      breakerTripped: openBreakers > 0,
    };
  }
}
