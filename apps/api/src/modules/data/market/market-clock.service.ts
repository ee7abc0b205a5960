import { Inject, Injectable } from '@nestjs/common';
import type { MarketClockResponse } from '@mcube/contracts';
import { istDateTimeOf, type Clock, type NseCalendar } from '@mcube/domain';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { MARKET_SOURCE_KIND, NSE_CALENDAR } from '../source/market-data.tokens';
import { marketSessionState } from './market-session';
import { MARKET_CLOCK, WALL_CLOCK } from '../../core/clock/clock.token';

/**
 * The market clock as the console reads it (GET /api/market/clock, the `market.clock` event):
 * market now, its IST date and time, the session state, the source and its speed, and the wall
 * clock at the same instant (labelled as such) so the browser can run the clock between readings.
 */
@Injectable()
export class MarketClockService {
  constructor(
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(WALL_CLOCK) private readonly wall: Clock,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    @Inject(MARKET_SOURCE_KIND) private readonly kind: 'sim' | 'replay',
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  reading(): MarketClockResponse {
    const nowMs = this.clock.nowMs();
    const { date, time } = istDateTimeOf(nowMs);
    return {
      nowMs,
      istDate: date,
      istTime: time.slice(0, 8),
      session: marketSessionState(this.calendar, nowMs),
      source: this.kind,
      speed: this.config.marketData.speed,
      wallMs: this.wall.nowMs(),
    };
  }
}
