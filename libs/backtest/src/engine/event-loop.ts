import type { FixedClock } from '@mcube/domain';
import type { MarketState } from '../market/market-state';
import { EventKind, type EventStream } from './event-stream';

/** What the engine does at the events that need more than a state update. */
export interface EventLoopHooks {
  /** A trading day opens (before any of its prices). */
  onDayOpen(dayIndex: number): void;
  /** A strategy tick: the market state and the clock are at `timeMs`. */
  onTick(timeMs: number): Promise<void>;
  /** The session has closed (official closes are in the state). */
  onDayClose(dayIndex: number): Promise<void>;
}

/**
 * The hot loop: walks the stream in order. A price event only writes the market state (no
 * allocation, no await); the clock moves and the hooks run only at day boundaries and ticks.
 * Returns the number of events handled.
 */
export async function runEventLoop(stream: EventStream, state: MarketState, clock: FixedClock, hooks: EventLoopHooks): Promise<number> {
  const { times, kinds, values, dayOf, length } = stream;
  for (let i = 0; i < length; i++) {
    const kind = kinds[i];
    if (kind === EventKind.NIFTY) {
      state.nifty = values[i];
      continue;
    }
    if (kind === EventKind.VIX) {
      state.vix = values[i];
      continue;
    }
    const t = times[i];
    clock.set(t);
    state.nowMs = t;
    if (kind === EventKind.TICK) await hooks.onTick(t);
    else if (kind === EventKind.NIFTY_OPEN) state.nifty = state.niftyOpen = values[i];
    else if (kind === EventKind.DAY_OPEN) hooks.onDayOpen(dayOf[i]);
    else await hooks.onDayClose(dayOf[i]);
  }
  return length;
}
