import { addDays, epochMsOfIst, type NseCalendar } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { startStrangleHarness, type DriverKind, type SteppedBroker } from './strangle-harness';
import type { FixedClock } from '@mcube/domain';
import type { MarketSimulator } from '@mcube/market-sim';
import type { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';

/** What a simulated run leaves behind for the assertions. */
export interface MonthRun {
  readonly decisions: DecisionJournalEntry[];
  readonly orders: Order[];
  readonly positions: Position[];
  /** Steps at which more than one position was ACTIVE (must stay empty). */
  readonly violations: string[];
  readonly failures: string[];
  readonly calendar: NseCalendar;
  readonly accountId: number;
}

/** IST times 'HH:MM' from `from` to before `to` every `stepMinutes`. */
export function sessionTimes(from: string, to: string, stepMinutes: number): string[] {
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const out: string[] = [];
  for (let m = toMin(from); m < toMin(to); m += stepMinutes) out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  return out;
}

/**
 * Steps the market clock through every session of [from, to] at `stepMinutes`, one schedule
 * tick per step, on `driver`, and collects the journal, the orders and the positions.
 */
export async function runSimulatedMonth(opts: {
  driver: DriverKind;
  seed: number;
  from: string;
  to: string;
  stepMinutes: number;
  /** In place of the paper broker (see `startStrangleHarness`). */
  broker?: (p: { clock: FixedClock; market: MarketSimulator; account: BrokerAccount }) => Promise<SteppedBroker>;
  seedData?: (ds: DataSource, accountId: number) => Promise<void>;
}): Promise<MonthRun> {
  const h = await startStrangleHarness({ driver: opts.driver, seed: opts.seed, startDate: opts.from, broker: opts.broker, seedData: opts.seedData });
  try {
    const violations: string[] = [];
    const positions = h.dataSource.getRepository(Position);
    for (let date = opts.from; date <= opts.to; date = addDays(date, 1)) {
      if (!h.calendar.isTradingDay(date)) continue;
      for (const time of sessionTimes('09:15', h.calendar.sessionFor(date)?.close ?? '15:30', opts.stepMinutes)) {
        await h.step(epochMsOfIst(date, time));
        const active = await positions.count({ where: { accountId: h.account.id, status: 'ACTIVE' } });
        if (active > 1) violations.push(`${date} ${time}: ${active} ACTIVE positions`);
      }
    }
    return {
      decisions: await h.dataSource.getRepository(DecisionJournalEntry).find({ order: { id: 'ASC' } }),
      orders: await h.dataSource.getRepository(Order).find({ order: { id: 'ASC' } }),
      positions: await positions.find({ order: { id: 'ASC' } }),
      violations,
      failures: h.failures.map((f) => `${f.id}: ${f.failedReason}`),
      calendar: h.calendar,
      accountId: h.account.id,
    };
  } finally {
    await h.close();
  }
}
