import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { contractSymbol } from '@mcube/market-sim';
import { paiseOfPrice, type Clock, type MarketDataPort } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { CLOCK } from '../core/clock/clock.token';
import { MARKET_DATA } from '../data/source/market-data.tokens';
import { CircuitBreakerTripService, type BreakerEvaluation } from './circuit-breaker-trip.service';
import { MonitorLog } from './entities/monitor-log.entity';
import { PositionLeg } from './entities/position-leg.entity';
import { Position } from './entities/position.entity';

/** How often active positions are marked and the breakers evaluated. */
export const MONITOR_INTERVAL_MS = 5_000;
/** A MARK row in the monitor log at most this often per position. */
export const MARK_LOG_EVERY_MS = 60_000;

/**
 * Marks every ACTIVE position from the market (each open leg's last price; unrealised P&L
 * in paise on the position), writes a MARK monitor-log row per position at most once a
 * minute, then evaluates the circuit breaker of its account (which closes positions through
 * the gateway on a breach). A leg without a quote keeps its previous mark. Runs every
 * `MONITOR_INTERVAL_MS` in the API; failures are logged and retried on the next tick.
 */
@Injectable()
export class PositionMonitorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PositionMonitor');
  private readonly lastLogMs = new Map<number, number>();
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    private readonly breaker: CircuitBreakerTripService,
  ) {}

  /** Starts the timer (tests build the service themselves and call `tick`). */
  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick().catch((e: unknown) => this.logger.warn(`monitor tick failed: ${(e as Error).message}`)), MONITOR_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass over the active positions; returns the breaker evaluation of each account visited. */
  async tick(): Promise<BreakerEvaluation[]> {
    if (this.running) return [];
    this.running = true;
    try {
      const active = await this.dataSource.getRepository(Position).find({ where: { status: 'ACTIVE' } });
      const out: BreakerEvaluation[] = [];
      for (const position of active) {
        await this.mark(position);
        out.push(await this.breaker.evaluate(position.accountId));
      }
      return out;
    } finally {
      this.running = false;
    }
  }

  private async mark(position: Position): Promise<void> {
    const legs = await this.dataSource.getRepository(PositionLeg).find({ where: { positionId: position.id, status: 'OPEN' } });
    let unrealized = 0;
    for (const leg of legs) {
      const instrument = { underlying: leg.underlying, kind: leg.instrumentType === 'FUT' ? ('FUT' as const) : ('OPT' as const), expiry: leg.expiryDate, strike: leg.strike ?? undefined, optionType: leg.instrumentType === 'FUT' ? undefined : leg.instrumentType };
      const quote = await this.market.quote(contractSymbol(instrument)).catch(() => undefined);
      if (quote && quote.lastPrice > 0) {
        leg.lastPricePaise = paiseOfPrice(quote.lastPrice);
        await this.dataSource.getRepository(PositionLeg).update(leg.id, { lastPricePaise: leg.lastPricePaise });
      }
      if (leg.lastPricePaise !== null) unrealized += (leg.side === 'BUY' ? leg.lastPricePaise - leg.avgPricePaise : leg.avgPricePaise - leg.lastPricePaise) * leg.quantity;
    }
    await this.dataSource.getRepository(Position).update(position.id, { unrealizedPnlPaise: unrealized });
    const now = this.clock.nowMs();
    if (now - (this.lastLogMs.get(position.id) ?? -Infinity) < MARK_LOG_EVERY_MS) return;
    this.lastLogMs.set(position.id, now);
    await this.dataSource.getRepository(MonitorLog).insert({
      positionId: position.id,
      checkType: 'MARK',
      message: `marked ${legs.length} leg(s): unrealised ${unrealized} paise`,
      unrealizedPnlPaise: unrealized,
      underlyingPrice: null,
      netDelta: null,
      details: { legs: legs.map((l) => ({ symbol: l.tradingSymbol, lastPricePaise: l.lastPricePaise })) } as never,
      occurredAt: new Date(now),
    });
  }
}
