import type { WsMessage } from '@mcube/contracts';
import { createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import type { AppConfig } from '../../../config/app-config';
import type { MarketClockService } from '../market/market-clock.service';
import { AppEventsBus } from '../../core/events/app-events.bus';
import type { MarketGateway } from './market.gateway';
import { nextRoundDelayMs, TICK_SLOT_MARGIN_MS, TickPublisher } from './tick-publisher.service';

const OPEN_MS = epochMsOfIst('2026-03-10', '10:00:00');

/** The publisher on the seeded simulator and a stepped clock (wall = market here), one listener. */
function publisherOnSim() {
  const clock = new FixedClock(OPEN_MS);
  const market = new MarketSimulator({ seed: 7, startDate: '2026-03-10', calendar: createDefaultNseCalendar() }, clock);
  const bus = new AppEventsBus();
  const ticks: WsMessage[] = [];
  bus.subscribe((m) => m.event === 'market.tick' && ticks.push(m));
  const publisher = new TickPublisher(market, clock, { audience: 1 } as MarketGateway, bus, { marketData: { jobs: false } } as AppConfig, { reading: () => ({}) } as unknown as MarketClockService);
  return { clock, publisher, ticks };
}

describe('TickPublisher (stepped clock)', () => {
  // Failed before issue 21's fix: a symbol sent less than 750 ms earlier was skipped, so the round
  // right after a late one (the event loop stalled 590 ms) published nothing for a whole second.
  it('publishes every index in every round of a new slot, early, late or right after a stalled round', async () => {
    const { clock, publisher, ticks } = publisherOnSim();
    // Round times, ms after the open, as the schedule aims them (slot start + 20 ms margin): on
    // time, 10 ms late, 10 ms early (a timer's jitter), 590 ms late (a stall), then on the grid again.
    const rounds = [20, 1_030, 2_010, 3_020, 4_610, 5_020, 6_020];
    for (const at of rounds) {
      clock.set(OPEN_MS + at);
      expect(await publisher.publishTicks()).toBe(2);
    }
    const nifty = ticks.filter((m) => m.event === 'market.tick' && m.data.symbol === 'NIFTY 50').map((m) => (m.event === 'market.tick' ? m.data.asOfMs : 0));
    expect(nifty).toHaveLength(rounds.length);
    // Each tick is newer than the one before (the source's own time moved every round).
    expect(nifty.every((v, i) => i === 0 || v > nifty[i - 1])).toBe(true);
  });

  it('sends a symbol at most once per slot: an extra round in the same second publishes nothing', async () => {
    const { clock, publisher } = publisherOnSim();
    clock.set(OPEN_MS + 20);
    expect(await publisher.publishTicks()).toBe(2);
    clock.set(OPEN_MS + 990);
    expect(await publisher.publishTicks()).toBe(0);
    clock.set(OPEN_MS + 1_000);
    expect(await publisher.publishTicks()).toBe(2);
  });

  it('schedules the next round at the next slot start plus the margin, from the clock (no drift)', () => {
    expect(nextRoundDelayMs(OPEN_MS)).toBe(1_000 + TICK_SLOT_MARGIN_MS);
    expect(nextRoundDelayMs(OPEN_MS + 20)).toBe(980 + TICK_SLOT_MARGIN_MS);
    // A round that ran 590 ms late still aims at the next slot, not 1 s after itself.
    expect(nextRoundDelayMs(OPEN_MS + 4_590)).toBe(410 + TICK_SLOT_MARGIN_MS);
    expect(nextRoundDelayMs(OPEN_MS + 5_999)).toBe(1 + TICK_SLOT_MARGIN_MS);
  });
});
