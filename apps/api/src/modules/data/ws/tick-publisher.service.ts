import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Clock, MarketDataPort } from '@mcube/domain';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { MarketClockService } from '../market/market-clock.service';
import { SNAPSHOT_SYMBOLS } from '../snapshots/quote-snapshot.service';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { MARKET_DATA } from '../source/market-data.tokens';
import { MarketGateway } from './market.gateway';
import { WALL_CLOCK } from '../../core/clock/clock.token';

/** The publishing period, wall ms: one round (market clock + every index that moved) per second. */
export const TICK_MIN_INTERVAL_MS = 1_000;
/** How far past a slot's start a round is scheduled, wall ms: timer jitter of a few ms never lands it in the previous slot. */
export const TICK_SLOT_MARGIN_MS = 20;

/** The slot (one publishing period of the process clock, wall ms) `nowMs` falls in. */
export function tickSlotOf(nowMs: number): number {
  return Math.floor(nowMs / TICK_MIN_INTERVAL_MS);
}

/**
 * Wall ms until the next round: the start of the next slot plus the margin. Drift-free:
 * computed from the clock each time (not a fixed interval after the last round, which drifts
 * by every round's lateness), so rounds stay on the slot grid whatever a round or a stalled
 * event loop cost.
 */
export function nextRoundDelayMs(nowMs: number): number {
  const intoSlot = ((nowMs % TICK_MIN_INTERVAL_MS) + TICK_MIN_INTERVAL_MS) % TICK_MIN_INTERVAL_MS;
  return TICK_MIN_INTERVAL_MS - intoSlot + TICK_SLOT_MARGIN_MS;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Pushes `market.clock` (every round) and `market.tick` events while someone is listening: one
 * round per slot of the process clock (`tickSlotOf`: a wall second), on a drift-free schedule
 * (`nextRoundDelayMs`), publishing every index whose quote moved and that was not yet sent in
 * this slot. So at most one tick per symbol per slot, and none is skipped: the old rule (skip a
 * symbol sent less than ~1,000 ms ago) dropped one whenever the timer came early or a stalled
 * round came late (issue 21). A round lost to an event loop stalled longer than a whole slot is
 * the one gap left (the bench counts them). The timer runs with the market jobs
 * (`MCUBE_MARKET_JOBS`); tests call `publishTicks` themselves.
 */
@Injectable()
export class TickPublisher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TickPublisher.name);
  private readonly last = new Map<string, { slot: number; asOfMs: number; price: number }>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private busy = false;

  constructor(
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    @Inject(WALL_CLOCK) private readonly clock: Clock,
    private readonly gateway: MarketGateway,
    private readonly bus: AppEventsBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly marketClock: MarketClockService,
  ) {}

  onModuleInit(): void {
    if (!this.config.marketData.jobs) return;
    this.scheduleNextRound();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Arms the timer for the next slot's round (see `nextRoundDelayMs`). */
  private scheduleNextRound(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.publishTicks().finally(() => this.scheduleNextRound());
    }, nextRoundDelayMs(this.clock.nowMs()));
    this.timer.unref();
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
        const slot = tickSlotOf(this.clock.nowMs());
        const prev = this.last.get(q.symbol);
        if (prev && (slot <= prev.slot || (prev.asOfMs === q.asOfMs && prev.price === q.lastPrice))) continue;
        this.last.set(q.symbol, { slot, asOfMs: q.asOfMs, price: q.lastPrice });
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
