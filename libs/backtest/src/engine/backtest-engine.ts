import { effectiveRiskLimits, epochMsOfIst, FixedClock, istDateTimeOf, legKeyOf, paiseOfPrice, type Clock, type IsoDate, type NseCalendar } from '@mcube/domain';
import type { MarketHistory } from '../data/market-history';
import { BacktestGateway, type GatewayRefusal } from '../execution/backtest-gateway';
import { createBacktestPaperClient } from '../execution/paper-setup';
import { PositionBook } from '../execution/position-book';
import type { BacktestAccount } from '../execution/risk-context-builder';
import { BacktestMarket, type EngineMarket } from '../market/backtest-market';
import { MarketState } from '../market/market-state';
import { memoCalendar } from '../market/memo-calendar';
import type { BacktestStrategy, StrategyFactory } from '../strategy/strategy-host';
import { BacktestJournal } from './backtest-journal';
import { BreakerWatch, type BreakerEvent } from './breaker-watch';
import type { EngineParams } from './engine-params';
import { runEventLoop } from './event-loop';
import { buildEventStream, type StreamDay } from './event-stream';

/** Rounds of "push the fills, match what the strategy sent" after a tick (the API's order sync runs every 2 s between 5-minute ticks). */
const PUSH_PASSES = 3;

/** Inputs of one backtest run. */
export interface BacktestRunInput {
  /** The full history of the data folder. */
  readonly history: MarketHistory;
  readonly calendar: NseCalendar;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly strategy: StrategyFactory;
  readonly params: EngineParams;
  /** End the run at this instant (the look-ahead check): the strategy then sees history known by then only. */
  readonly endMs?: number;
  /** Keep every decision's full inputs as JSON (the look-ahead check compares them). */
  readonly keepFullDecisions?: boolean;
  /**
   * A live market source on the engine's clock (the seeded simulator) instead of the history's
   * `BacktestMarket`: the strategy, the paper fills, the marks and the breaker read it at each
   * tick; the history still gives the days. Used to drive the engine over the same simulated
   * days as the API's strategy runner (their decisions must be the same).
   */
  readonly market?: (clock: Clock) => EngineMarket;
  /** Called after each simulated day with (days done, days in all, date). */
  readonly onProgress?: (done: number, total: number, date: IsoDate) => void;
}

/** Everything a run produced, for the report. */
export interface BacktestRun {
  readonly input: BacktestRunInput;
  readonly strategy: BacktestStrategy;
  readonly days: readonly StreamDay[];
  readonly missingDays: readonly IsoDate[];
  readonly book: PositionBook;
  readonly journal: BacktestJournal;
  readonly refusals: readonly GatewayRefusal[];
  readonly breakers: readonly BreakerEvent[];
  /** Why each position closed: the strategy's exit code, an unwind, a breaker trip, an expiry settlement. */
  readonly exitReasons: ReadonlyMap<string, string>;
  /** Strategy ticks that rejected (the run went on, as the live scheduler does). */
  readonly tickErrors: readonly { readonly date: IsoDate; readonly time: string; readonly message: string }[];
  readonly stats: { readonly events: number; readonly ticks: number; readonly wallMs: number };
}

/**
 * Runs one backtest: builds the event stream from the data's dated sessions, then drives the
 * strategy at every tick over the backtest market (`BacktestMarket`), through the gateway
 * (risk checks, paper broker fills and charges) into the domain's position accounting; marks
 * the position at every tick and at the close, evaluates the breaker (`breakerVerdict`) each
 * tick, and writes a day row at every close. Deterministic: the same input gives the same run.
 */
export async function runBacktest(input: BacktestRunInput): Promise<BacktestRun> {
  const started = performance.now();
  const { params } = input;
  const calendar = memoCalendar(input.calendar);
  const stream = buildEventStream({ history: input.history, calendar, from: input.from, to: input.to, tickMinutes: params.tickMinutes, tickTimes: params.tickTimes, endMs: input.endMs });
  const visible = input.endMs !== undefined ? input.history.truncatedAt(input.endMs, calendar) : input.history;
  const clock = new FixedClock(stream.length > 0 ? stream.times[0] : epochMsOfIst(input.from));
  const state = new MarketState();
  const market: EngineMarket = input.market ? input.market(clock) : new BacktestMarket(visible, state, calendar, clock, { pricing: params.pricing, strikesEachSide: params.strikesEachSide });
  const paper = await createBacktestPaperClient({ capitalPaise: params.capitalPaise, slippageTicks: params.slippageTicks, clock, market });
  const book = new PositionBook(params.capitalPaise);
  const account: BacktestAccount = { accountId: 'KOTAK', allocatedCapitalPaise: params.capitalPaise, active: true, breakerTripped: false };
  const limits = effectiveRiskLimits({ row: params.riskLimits, broker: 'KOTAK' });
  const afterTick = params.fills === 'AFTER_TICK';
  const gateway = new BacktestGateway({ paper, market, book, calendar, clock, account, limits, matchAtOnce: !afterTick });
  const journal = new BacktestJournal(input.keepFullDecisions ?? false);
  const strategy = input.strategy({ market, orders: gateway, positions: gateway, journal, alerts: journal, clock, calendar, history: visible });
  const exitReasons = journal.exitReasons;
  const breaker = new BreakerWatch({ book, account, limits, gateway, market, clock, reset: params.breakerReset, exitReasons });
  let ticks = 0;
  const tickErrors: { date: IsoDate; time: string; message: string }[] = [];

  const settleActive = (reason?: string) => {
    const active = book.active();
    if (active) gateway.settle(active.positionId, reason ?? exitReasons.get(active.positionId) ?? 'EXITED');
  };
  const markActive = async () => {
    const active = book.active();
    if (!active) return;
    const marks = new Map<string, number>();
    for (const leg of active.legs) {
      if (leg.quantity <= 0) continue;
      const quote = await market.quote(leg.instrument).catch(() => undefined);
      if (quote && quote.lastPrice > 0) marks.set(legKeyOf(leg.instrument), paiseOfPrice(quote.lastPrice));
    }
    book.mark(marks);
  };

  const events = await runEventLoop(stream, state, clock, {
    onDayOpen(dayIndex) {
      const day = stream.days[dayIndex];
      const prev = day.dailyIndex - 1;
      state.date = day.date;
      state.dayIndex = day.dailyIndex;
      state.dayClosed = false;
      state.niftyOpen = Number.NaN;
      state.niftyPrevClose = prev >= 0 ? input.history.niftyDaily.close[prev] : Number.NaN;
      state.nifty = state.niftyPrevClose;
      const vixPrev = input.history.vixDaily.lastIndexBefore(day.date);
      state.vix = vixPrev >= 0 ? input.history.vixDaily.close[vixPrev] : Number.NaN;
      breaker.onDayOpen(clock.nowMs());
    },
    async onTick(timeMs) {
      ticks++;
      const report = (error: unknown) => tickErrors.push({ date: istDateTimeOf(timeMs).date, time: istDateTimeOf(timeMs).time.slice(0, 5), message: error instanceof Error ? error.message : String(error) });
      await gateway.matchWorking();
      settleActive();
      // What filled or ended since the last tick was pushed to the strategy as it happened (see below): the tick does not see it first.
      gateway.takeOrderUpdates();
      try {
        await strategy.tick(timeMs);
      } catch (error) {
        // As the live scheduler does: the tick is logged (here: reported) and the next one runs.
        report(error);
      }
      if (afterTick) await gateway.matchWorking();
      settleActive();
      // As the API does: fills and endings are pushed to the strategy after the match pass; what it sends then is matched at once too.
      for (let pass = 0; pass < PUSH_PASSES; pass++) {
        const updates = gateway.takeOrderUpdates();
        if (updates.length === 0 || !strategy.orderUpdated) break;
        try {
          for (const id of updates) await strategy.orderUpdated(id, timeMs);
        } catch (error) {
          report(error);
        }
        if (afterTick) await gateway.matchWorking();
        settleActive();
      }
      await markActive();
      await breaker.check(istDateTimeOf(timeMs).date, strategy.busy);
      settleActive();
    },
    async onDayClose(dayIndex) {
      const day = stream.days[dayIndex];
      state.dayClosed = true;
      state.nifty = input.history.niftyDaily.close[day.dailyIndex];
      const vixIndex = input.history.vixDaily.indexOf(day.date);
      if (vixIndex >= 0) state.vix = input.history.vixDaily.close[vixIndex];
      if (gateway.hasWorkingOrders()) await paper.expireLiveOrders();
      settleActive();
      await markActive();
      breaker.settleExpiry(day.date, state.nifty);
      settleActive('EXPIRY_SETTLEMENT');
      book.closeDay(day.date);
      input.onProgress?.(dayIndex + 1, stream.days.length, day.date);
    },
  });
  return {
    input,
    strategy,
    days: stream.days,
    missingDays: stream.missingDays,
    book,
    journal,
    refusals: gateway.refusals,
    breakers: breaker.events,
    exitReasons,
    tickErrors,
    stats: { events, ticks, wallMs: performance.now() - started },
  };
}
