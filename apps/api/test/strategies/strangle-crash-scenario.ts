import { createDefaultNseCalendar, epochMsOfIst, FixedClock, type NseCalendar } from '@mcube/domain';
import { PaperExecutionClient } from '@mcube/brokers-paper';
import { MarketSimulator } from '@mcube/market-sim';
import { JsonFilePaperBookStore } from '../orders/json-file-paper-book.store';

/** The trading day of the strangle crash tests (a Wednesday; the 10:00 entry). */
export const CRASH_DAY = '2026-03-11';
/** The paper account's capital (the Kotak seed's). */
export const CRASH_CAPITAL_PAISE = 6_00_00_000_00;
/**
 * Strangle parameters of the crash tests: filters opened wide (the order path is under test)
 * and at most 20 lots, so each leg is one order below the freeze quantity.
 */
export const CRASH_PARAMETERS = { maxGiftNiftyChangePct: 10, maxUsChangePct: 10, maxNifty1dChangePct: 10, maxNifty3dChangePct: 20, eventLookaheadDays: 0, maxVix: 100, maxLots: 20 };

/** The simulated market and the paper broker over the book file, at `time` of the crash day: the same in every process. */
export async function crashMarketAndBroker(bookPath: string, time: string): Promise<{ clock: FixedClock; calendar: NseCalendar; market: MarketSimulator; paper: PaperExecutionClient }> {
  const clock = new FixedClock(epochMsOfIst(CRASH_DAY, time));
  const calendar = createDefaultNseCalendar();
  const market = new MarketSimulator({ seed: 7, startDate: CRASH_DAY, calendar, tickIntervalMs: 5 * 60_000 }, clock);
  const paper = await PaperExecutionClient.create({ config: { capitalPaise: CRASH_CAPITAL_PAISE }, clock, marketData: market, store: new JsonFilePaperBookStore(bookPath), sleep: async (ms) => clock.advance(ms) });
  return { clock, calendar, market, paper };
}
