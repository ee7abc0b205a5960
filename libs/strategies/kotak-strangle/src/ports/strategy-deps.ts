import type { Clock, MarketDataPort, NseCalendar } from '@mcube/domain';
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
  /** Trading days, sessions and weekly expiries (`createDefaultNseCalendar()` plus the editable holidays). */
  readonly calendar: NseCalendar;
  /** Where the working state is kept across restarts; absent = in memory only (specs). */
  readonly state?: StrategyStateStore;
}
