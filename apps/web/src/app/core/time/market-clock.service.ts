import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { MarketClockResponse } from '@mcube/contracts';
import { ApiClient } from '../api/api-client';
import { LiveSocketService } from '../live/live-socket.service';
import { istDateOf } from './ist-date';
import { marketNowMs } from './market-time';

/**
 * The console's ONE clock for everything market-facing: the market clock the API publishes
 * (GET /api/market/clock, then `market.clock` every second; REST again while the socket is
 * down), run forward between readings. Wall time (the browser's) is only for what means wall
 * time (audit rows, logins, "stale since"), and is labelled where shown.
 */
@Injectable({ providedIn: 'root' })
export class MarketClockService {
  private readonly api = inject(ApiClient);
  private readonly live = inject(LiveSocketService);
  private readonly tick = signal(Date.now());
  private receivedAtWall = 0;
  private loading: Promise<MarketClockResponse> | null = null;

  /** The last reading from the server, null until the first one. */
  readonly reading = signal<MarketClockResponse | null>(null);
  /** Market now (epoch ms), advancing every second; null before the first reading. */
  readonly nowMs = computed(() => {
    const r = this.reading();
    return r ? marketNowMs(r, this.receivedAtWall, this.tick()) : null;
  });
  /** The IST trading date of market now (the dashboard's "today"). */
  readonly istDate = computed(() => {
    const now = this.nowMs();
    return now === null ? null : istDateOf(now);
  });

  constructor() {
    this.live.on('market.clock').subscribe((r) => this.accept(r));
    const timer = setInterval(() => this.tick.set(Date.now()), 1_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  /** The first reading (fetched once if none arrived yet). */
  ready(): Promise<MarketClockResponse> {
    const r = this.reading();
    if (r) return Promise.resolve(r);
    return this.refresh();
  }

  /** Reads the clock over REST (first load, and the polling fallback while the socket is down). */
  refresh(): Promise<MarketClockResponse> {
    this.loading ??= this.api
      .get<MarketClockResponse>('/market/clock')
      .then((r) => {
        this.accept(r);
        return r;
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }

  private accept(r: MarketClockResponse): void {
    this.receivedAtWall = Date.now();
    this.tick.set(this.receivedAtWall);
    this.reading.set(r);
  }
}
