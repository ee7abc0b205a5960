import { addDays, createDefaultNseCalendar, epochMsOfIst, FixedClock, type MarketDataPort, type NseCalendar } from '@mcube/domain';
import { resolveKotakStrangleConfig } from '../config/validate-config';
import type { KotakStrangleConfig } from '../config/kotak-strangle.config';
import { KotakStrangleStrategy } from '../kotak-strangle.strategy';
import { InMemoryDecisionJournal, RecordingAlertSink } from './in-memory-journal.fake';
import { FakePaperBook, type FakeOrderOutcome } from './paper-book.fake';
import type { StrategyOrderCommand } from '@mcube/domain';

/** A strategy wired to in-memory fakes and a given market, for specs. */
export interface StrategyHarness {
  readonly strategy: KotakStrangleStrategy;
  readonly book: FakePaperBook;
  readonly journal: InMemoryDecisionJournal;
  readonly alerts: RecordingAlertSink;
  readonly clock: FixedClock;
  readonly calendar: NseCalendar;
  readonly config: KotakStrangleConfig;
  /** Moves the clock to an IST date/time and ticks the strategy once. */
  tickAt(date: string, time: string): Promise<void>;
}

/** Builds a harness; `makeMarket` receives the shared clock and calendar. */
export function strategyHarness(input: {
  startMs: number;
  makeMarket: (clock: FixedClock, calendar: NseCalendar) => MarketDataPort;
  outcome?: (command: StrategyOrderCommand, index: number) => FakeOrderOutcome;
  config?: Parameters<typeof resolveKotakStrangleConfig>[0];
  availablePaise?: number;
  /** Default: the shipped calendar (confirmed through 2026). */
  calendar?: NseCalendar;
}): StrategyHarness {
  const clock = new FixedClock(input.startMs);
  const calendar = input.calendar ?? createDefaultNseCalendar();
  const config = resolveKotakStrangleConfig(input.config);
  const book = new FakePaperBook(input.outcome, input.availablePaise, () => clock.nowMs(), config.accountId);
  const journal = new InMemoryDecisionJournal();
  const alerts = new RecordingAlertSink();
  const market = input.makeMarket(clock, calendar);
  const strategy = new KotakStrangleStrategy({ market, orders: book, positions: book, journal, alerts, clock, calendar }, config);
  return {
    strategy,
    book,
    journal,
    alerts,
    clock,
    calendar,
    config,
    async tickAt(date, time) {
      clock.set(epochMsOfIst(date, time));
      await strategy.onTick(clock.nowMs());
    },
  };
}

/** The IST times 'HH:MM' from `from` to before `to`, every `stepMinutes`. */
export function sessionTimes(from: string, to: string, stepMinutes: number): string[] {
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const out: string[] = [];
  for (let m = toMin(from); m < toMin(to); m += stepMinutes) out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  return out;
}

/** Trading days from `from` to `to` inclusive. */
export function tradingDays(calendar: NseCalendar, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isTradingDay(d)) out.push(d);
  return out;
}
