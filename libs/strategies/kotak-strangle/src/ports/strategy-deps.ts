import type { Clock, ExpirySource, MarketDataPort, NseCalendar } from '@mcube/domain';
import type { AlertSink } from './alert-sink.port';
import type { DecisionJournal } from './decision-journal.port';
import type { PositionView } from './position-view.port';
import type { StrategyOrderPort } from './strategy-order.port';
import type { StrategyStateStore } from './strategy-state.port';

/** Everything the strategy talks to: it has no I/O of its own. */
export interface KotakStrangleDeps {
  readonly market: MarketDataPort;
  readonly orders: StrategyOrderPort;
  readonly positions: PositionView;
  readonly journal: DecisionJournal;
  readonly alerts: AlertSink;
  readonly clock: Clock;
  /** Trading days and sessions (the stored calendar: shipped table plus entered holidays), confirmed or assumed. */
  readonly calendar: NseCalendar;
  /** Where new entries take their expiry dates from; default the calendar's dated rules (`calendarExpirySource`). */
  readonly expiries?: ExpirySource;
  /** Where the working state is kept across restarts; absent = in memory only (specs). */
  readonly state?: StrategyStateStore;
}
