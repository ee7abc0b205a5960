import type { Clock, KnowledgeStore, LlmValidator, NseCalendar } from '@mcube/domain';
import type { FuturesAlertSink } from './alert-sink.port';
import type { ApprovalRequestPort } from './approval-request.port';
import type { FuturesDecisionJournal } from './decision-journal.port';
import type { FuturesAccountPort } from './futures-account.port';
import type { FuturesMarketPort } from './futures-market.port';
import type { StrategyOrderPort } from './strategy-order.port';
import type { FuturesStateStore } from './strategy-state.port';

/** Everything the ICICI futures strategy talks to: it has no I/O and no clock of its own. */
export interface IciciFuturesDeps {
  readonly market: FuturesMarketPort;
  readonly account: FuturesAccountPort;
  readonly orders: StrategyOrderPort;
  readonly validator: LlmValidator;
  readonly knowledge: KnowledgeStore;
  readonly approvals: ApprovalRequestPort;
  readonly journal: FuturesDecisionJournal;
  readonly alerts: FuturesAlertSink;
  /** Market time (the injectable market clock). */
  readonly clock: Clock;
  readonly calendar: NseCalendar;
  /** Where the working order is stored across a restart (absent: memory only, as in the library's own specs). */
  readonly state?: FuturesStateStore;
}
