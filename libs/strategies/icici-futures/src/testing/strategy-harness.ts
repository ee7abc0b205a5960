import { createDefaultNseCalendar, epochMsOfIst, FixedClock, type KnowledgeDocument, type NseCalendar, type StrategyOrderCommand, type ValidationRejectCode } from '@mcube/domain';
import type { IciciFuturesConfig } from '../config/icici-futures.config';
import { resolveIciciFuturesConfig } from '../config/validate-config';
import { IciciFuturesStrategy } from '../icici-futures.strategy';
import type { FuturesStateStore } from '../ports/strategy-state.port';
import { InMemoryApprovalQueue } from './approval-queue.fake';
import { FakeFuturesBook, type FakeFuturesOutcome } from './futures-book.fake';
import { InMemoryFuturesJournal, RecordingFuturesAlerts } from './journal.fake';
import type { ScriptedFuturesMarket } from './scripted-market.fake';
import { ScriptedValidator, TinyKnowledgeStore } from './validator.fake';

/** The strategy wired to in-memory fakes and a scripted market, for specs. */
export interface FuturesHarness {
  readonly strategy: IciciFuturesStrategy;
  readonly market: ScriptedFuturesMarket;
  readonly book: FakeFuturesBook;
  readonly journal: InMemoryFuturesJournal;
  readonly alerts: RecordingFuturesAlerts;
  readonly approvals: InMemoryApprovalQueue;
  readonly validator: ScriptedValidator;
  readonly knowledge: TinyKnowledgeStore;
  readonly clock: FixedClock;
  readonly calendar: NseCalendar;
  readonly config: IciciFuturesConfig;
  /** Moves the clock to an IST date and time and returns the instant. */
  at(date: string, time: string): number;
}

/** Builds a harness around `market` (its calendar must be the default NSE calendar). */
export function futuresHarness(input: {
  market: ScriptedFuturesMarket;
  start: { date: string; time: string };
  config?: Partial<IciciFuturesConfig>;
  validatorScript?: (ValidationRejectCode | 'PASS')[];
  outcome?: (order: StrategyOrderCommand, index: number) => FakeFuturesOutcome;
  knowledgeDocs?: KnowledgeDocument[];
  lotSize?: number;
  /** Where the strategy stores its working order (absent: memory only). */
  state?: FuturesStateStore;
}): FuturesHarness {
  const calendar = createDefaultNseCalendar();
  const clock = new FixedClock(epochMsOfIst(input.start.date, input.start.time));
  const book = new FakeFuturesBook(input.outcome, undefined, () => clock.nowMs());
  book.lotSize = input.lotSize ?? 400;
  const journal = new InMemoryFuturesJournal();
  const alerts = new RecordingFuturesAlerts();
  const approvals = new InMemoryApprovalQueue();
  const validator = new ScriptedValidator(input.validatorScript);
  const knowledge = new TinyKnowledgeStore(input.knowledgeDocs ?? []);
  const config = resolveIciciFuturesConfig(input.config);
  book.accountId = config.accountId;
  const strategy = new IciciFuturesStrategy({ market: input.market, account: book, orders: book, validator, knowledge, approvals, journal, alerts, clock, calendar, state: input.state }, config);
  return {
    strategy,
    market: input.market,
    book,
    journal,
    alerts,
    approvals,
    validator,
    knowledge,
    clock,
    calendar,
    config,
    at(date, time) {
      clock.set(epochMsOfIst(date, time));
      return clock.nowMs();
    },
  };
}
