import { Inject, Injectable } from '@nestjs/common';
import type { PositionDetailResponse, PositionLegResponse, PositionMarkResponse } from '@mcube/contracts';
import { instrumentName } from '@mcube/contracts';
import { positionExitDisplay, type Clock, type NseCalendar } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { NSE_CALENDAR } from '../data/source/market-data.tokens';
import { MonitorLog } from './entities/monitor-log.entity';
import { PositionLeg } from './entities/position-leg.entity';
import { Position } from './entities/position.entity';
import { legExitFacts } from './leg-exit-facts';
import { legGreeks } from './leg-greeks';
import { positionExitOf } from './position-exit-of';
import { positionMetricsOf, strangleExitRulesOf } from './position-metrics-of';
import { POSITION_STRATEGIES, type PositionStrategies } from './ports/position-strategies.port';
import { MARKET_CLOCK } from '../core/clock/clock.token';

/** How many marks GET /positions/:id/marks returns at most (the newest, oldest first). */
export const MARKS_LIMIT = 2_000;

/**
 * The position screens' reads: a position with its state (EXITING while an exit is requested),
 * its legs with their exit states and greeks (Black-Scholes from each open leg's last mark and
 * the spot of the last MARK), and its P&L marks from the monitor log. Throws NOT_FOUND.
 */
@Injectable()
export class PositionDetailService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    @Inject(POSITION_STRATEGIES) private readonly strategies: PositionStrategies,
  ) {}

  async detail(id: number): Promise<PositionDetailResponse> {
    const position = await this.find(id);
    const legs = await this.dataSource.getRepository(PositionLeg).find({ where: { positionId: id }, order: { id: 'ASC' } });
    const lastMark = await this.dataSource.getRepository(MonitorLog).findOne({ where: { positionId: id, checkType: 'MARK' }, order: { occurredAt: 'DESC', id: 'DESC' } });
    const spot = lastMark?.underlyingPrice ?? null;
    const valued = legs.filter((l) => l.status === 'OPEN' && l.quantity > 0 && l.instrumentType !== 'FUT' && l.strike !== null);
    const greeks = legGreeks({
      legs: valued.map((l) => ({ optionType: l.instrumentType as 'CE' | 'PE', strike: l.strike as number, signedQuantity: l.side === 'SELL' ? -l.quantity : l.quantity, lastPrice: l.lastPricePaise === null ? null : l.lastPricePaise / 100 })),
      spot,
      expiry: position.expiryDate,
      nowMs: lastMark?.occurredAt.getTime() ?? this.clock.nowMs(),
      calendar: this.calendar,
    });
    const greeksOf = new Map(valued.map((l, i) => [l.id, greeks.legs[i]]));
    const nowMs = this.clock.nowMs();
    const metrics = positionMetricsOf({ position, legs, greeksOf, spot, nowMs, calendar: this.calendar, exitRules: await this.exitRulesOf(position) });
    const year = Number(new Date(nowMs).toISOString().slice(0, 4));
    const exitStateOf = new Map((await legExitFacts(this.dataSource.manager, position, legs)).map((f) => [f.leg.id, f.state]));
    return {
      id: position.id,
      accountId: position.accountId,
      strategyType: position.strategyType,
      status: position.status,
      state: positionExitDisplay(position.status, position.exitRequestedAt !== null),
      exit: positionExitOf(position),
      quantity: position.quantity,
      direction: position.direction,
      underlying: position.underlying,
      expiryDate: position.expiryDate,
      unrealizedPnlPaise: position.unrealizedPnlPaise,
      realizedPnlPaise: position.realizedPnlPaise,
      exitReason: position.exitReason,
      openedAt: position.openedAt.toISOString(),
      closedAt: position.closedAt ? position.closedAt.toISOString() : null,
      legs: legs.map((l): PositionLegResponse => ({
        id: l.id,
        tradingSymbol: l.tradingSymbol,
        name: instrumentName({ underlying: l.underlying, expiryDate: l.expiryDate, strike: l.strike, optionType: l.instrumentType }, year),
        underlying: l.underlying,
        instrumentType: l.instrumentType,
        strike: l.strike,
        optionType: l.instrumentType === 'FUT' ? null : l.instrumentType,
        expiryDate: l.expiryDate,
        side: l.side,
        quantity: l.quantity,
        lotSize: l.lotSize,
        avgPricePaise: l.avgPricePaise,
        lastPricePaise: l.lastPricePaise,
        exitPricePaise: l.exitPricePaise,
        realizedPnlPaise: l.realizedPnlPaise,
        status: l.status,
        exitState: exitStateOf.get(l.id) ?? 'NONE',
        greeks: greeksOf.get(l.id) ?? null,
      })),
      netDelta: valued.length > 0 ? greeks.netDelta : null,
      spot,
      metrics,
    };
  }

  /** The strangle's exit rules from its stored parameters (defaults when none); null for another strategy. */
  private async exitRulesOf(position: Position) {
    if (position.strategyType !== 'WEEKLY_NIFTY_STRANGLE') return null;
    return strangleExitRulesOf(await this.strategies.parametersOf(position.accountId, 'WEEKLY_NIFTY_STRANGLE'));
  }

  /** The MARK rows of the monitor log as P&L points, oldest first. */
  async marks(id: number): Promise<PositionMarkResponse[]> {
    await this.find(id);
    const rows = await this.dataSource.getRepository(MonitorLog).find({ where: { positionId: id, checkType: 'MARK' }, order: { occurredAt: 'DESC', id: 'DESC' }, take: MARKS_LIMIT });
    return rows.reverse().map((r) => ({
      atMs: r.occurredAt.getTime(),
      unrealizedPnlPaise: r.unrealizedPnlPaise ?? 0,
      realizedPnlPaise: typeof r.details?.['realizedPnlPaise'] === 'number' ? r.details['realizedPnlPaise'] : 0,
      spot: r.underlyingPrice,
      netDelta: r.netDelta,
    }));
  }

  private async find(id: number): Promise<Position> {
    const position = await this.dataSource.getRepository(Position).findOne({ where: { id } });
    if (!position) throw new AppException('NOT_FOUND', `position ${id} not found`);
    return position;
  }
}
