import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { TradingStateCode } from '@mcube/contracts';
import type { Clock, MarketDataPort } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { JOB_QUEUE, type JobQueue } from '../jobs/job-queue.port';
import { BrokerAccount } from '../modules/accounts/entities/broker-account.entity';
import { MARKET_DATA } from '../modules/data/source/market-data.tokens';
import { MarketGateway } from '../modules/data/ws/market.gateway';
import { Order } from '../modules/orders/entities/order.entity';
import { TradingStateService } from '../modules/risk/context/trading-state.service';
import { MetricsService } from './metrics.service';
import { MARKET_CLOCK } from '../modules/core/clock/clock.token';

const TRADING_STATES: readonly TradingStateCode[] = ['ACTIVE', 'REDUCING', 'HALTED'];

/** The symbol whose last quote dates the market data (the strangle's underlying, always polled). */
export const MARKET_AGE_SYMBOL = 'NIFTY 50';

/**
 * The gauges read at scrape time from the stores they describe (nothing is cached, so a worker
 * and the API report the same database): orders by status, queue depths, each account's
 * breaker and effective trading state, authenticated WebSocket clients, market-data age. A
 * source that fails leaves its gauge empty for that scrape (logged), never the whole scrape.
 */
@Injectable()
export class OpsGauges implements OnModuleInit {
  private readonly logger = new Logger('Metrics');

  constructor(
    private readonly metrics: MetricsService,
    private readonly dataSource: DataSource,
    private readonly tradingStates: TradingStateService,
    private readonly moduleRef: ModuleRef,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    @Inject(MARKET_CLOCK) private readonly marketClock: Clock,
  ) {}

  onModuleInit(): void {
    const m = this.metrics;
    m.addGauge('mcube_orders', 'Orders in the journal by status', ['status'], (g) =>
      this.guard('orders', async () => {
        const rows = await this.dataSource.getRepository(Order).createQueryBuilder('o').select('o.status', 'status').addSelect('COUNT(*)', 'n').groupBy('o.status').getRawMany<{ status: string; n: string | number }>();
        // PostgreSQL returns COUNT(*) as a string (bigint).
        for (const r of rows) g.set({ status: r.status }, Number(r.n));
      }),
    );
    m.addGauge('mcube_queue_depth', 'Jobs per queue and state (waiting, delayed, active)', ['queue', 'state'], (g) =>
      this.guard('queue depths', async () => {
        for (const d of await this.jobs.depths()) for (const state of ['waiting', 'delayed', 'active'] as const) g.set({ queue: d.queue, state }, d[state]);
      }),
    );
    m.addGauge('mcube_breaker_open', '1 when a circuit breaker (the account\'s or a system-wide one) is open for the account', ['account', 'broker'], (g) =>
      this.guard('breakers', async () => {
        for (const { account, fields } of await this.accountStates()) g.set({ account: String(account.id), broker: account.broker }, fields.tradingStateCauses.includes('BREAKER_TRIPPED') ? 1 : 0);
      }),
    );
    m.addGauge('mcube_trading_state', 'Effective trading state of each account: 1 for its state (ACTIVE, REDUCING, HALTED), 0 for the others', ['account', 'broker', 'state'], (g) =>
      this.guard('trading states', async () => {
        for (const { account, fields } of await this.accountStates()) {
          for (const state of TRADING_STATES) g.set({ account: String(account.id), broker: account.broker, state }, fields.tradingState === state ? 1 : 0);
        }
      }),
    );
    m.addGauge('mcube_websocket_clients', 'Authenticated /ws sockets of this process', [], (g) => {
      const gateway = this.moduleRef.get(MarketGateway, { strict: false });
      g.set(gateway.audience);
    });
    m.addGauge('mcube_market_data_age_seconds', `Market-clock seconds since the last quote of ${MARKET_AGE_SYMBOL} (large outside sessions)`, ['symbol'], (g) =>
      this.guard('market data', async () => {
        const quote = await this.market.quote(MARKET_AGE_SYMBOL);
        g.set({ symbol: MARKET_AGE_SYMBOL }, Math.max(0, (this.marketClock.nowMs() - quote.asOfMs) / 1000));
      }),
    );
  }

  private async accountStates() {
    const accounts = await this.dataSource.getRepository(BrokerAccount).find({ order: { id: 'ASC' } });
    const states = await this.tradingStates.ofMany(accounts);
    return accounts.map((account) => ({ account, fields: states.get(account.id) as NonNullable<ReturnType<typeof states.get>> }));
  }

  private async guard(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, `metrics: ${what} not collected`);
    }
  }
}
