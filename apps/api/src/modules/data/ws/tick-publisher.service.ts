import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Clock, MarketDataPort } from '@mcube/domain';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { MarketClockService } from '../market/market-clock.service';
import { SNAPSHOT_SYMBOLS } from '../snapshots/quote-snapshot.service';
import { MarketEventsBus } from '../snapshots/market-events.bus';
import { MARKET_DATA } from '../source/market-data.tokens';
import { MarketGateway } from './market.gateway';
import { WALL_CLOCK } from '../../core/clock/clock.token';

/** The poll period: one tick per symbol per second at most. */
export const TICK_MIN_INTERVAL_MS = 1_000;
/**
 * How early a poll may come and still publish: a 1 s interval timer fires a few ms early or
 * late, and a strict 1,000 ms gap skipped a symbol every 10–15 s (issue 21). Extra polls
 * (a test, a second caller) are still held to one tick per symbol within 750 ms.
 */
export const TICK_TIMER_SLACK_MS = 250;

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Pushes `market.clock` (every round) and `market.tick` events while someone is listening: polls the source for the indices
 * every second and publishes a symbol only when its quote changed and its previous tick is at
 * least `TICK_MIN_INTERVAL_MS` old, less the timer's slack (so ≤ 1 tick per symbol per poll, none skipped). The poll timer runs
 * with the market jobs (`MCUBE_MARKET_JOBS`); tests call `publishTicks` themselves.
 */
@Injectable()
export class TickPublisher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TickPublisher.name);
  private readonly last = new Map<string, { sentMs: number; asOfMs: number; price: number }>();
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    @Inject(WALL_CLOCK) private readonly clock: Clock,
    private readonly gateway: MarketGateway,
    private readonly bus: MarketEventsBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly marketClock: MarketClockService,
  ) {}

  onModuleInit(): void {
    if (!this.config.marketData.jobs) return;
    this.timer = setInterval(() => void this.publishTicks(), TICK_MIN_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One polling round; returns how many ticks were published. */
  async publishTicks(): Promise<number> {
    if (this.gateway.audience === 0 || this.busy) return 0;
    this.busy = true;
    let sent = 0;
    try {
      // The console's one clock: sent every round so a page runs on market time, not the browser's.
      this.bus.publish('market.clock', this.marketClock.reading());
      for (const symbol of SNAPSHOT_SYMBOLS) {
        const q = await this.market.quote(symbol);
        const now = this.clock.nowMs();
        const prev = this.last.get(q.symbol);
        if (prev && (now - prev.sentMs < TICK_MIN_INTERVAL_MS - TICK_TIMER_SLACK_MS || (prev.asOfMs === q.asOfMs && prev.price === q.lastPrice))) continue;
        this.last.set(q.symbol, { sentMs: now, asOfMs: q.asOfMs, price: q.lastPrice });
        this.bus.publish('market.tick', { symbol: q.symbol, lastPrice: q.lastPrice, change: q.previousClose === undefined ? null : round2(q.lastPrice - q.previousClose), asOfMs: q.asOfMs });
        sent += 1;
      }
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'tick poll failed');
    } finally {
      this.busy = false;
    }
    return sent;
  }
}
