import { runSimulatedMonth, type MonthRun } from '../strategies/strangle-month.run';
import { kotakMonthBroker } from './kotak-month-broker';

// Issue 14 done-when: the simulated strangle month (seed 7, 2026-03-02 … 2026-04-10, 5-minute
// steps on the job schedule, in-process driver) with the Kotak adapter and its local Neo server
// in place of the paper broker; the server's market is the simulator.
const SEED = 7;
const FROM = '2026-03-02';
const TO = '2026-04-10';
const sequenceOf = (run: MonthRun) => run.decisions.map((d) => [d.occurredAt.getTime(), d.kind, d.decision, d.reasonCode].join(' '));
const ordersOf = (run: MonthRun) => run.orders.map((o) => [o.purpose, o.side, o.strike, o.instrumentType, o.expiryDate, o.quantity, o.status, o.filledQuantity].join(' '));

describe('the Kotak strangle month on the Kotak adapter against the local Neo server', () => {
  let paper: MonthRun;
  let kotak: MonthRun;

  beforeAll(async () => {
    paper = await runSimulatedMonth({ driver: 'in-process', seed: SEED, from: FROM, to: TO, stepMinutes: 5 });
    kotak = await runSimulatedMonth({ driver: 'in-process', seed: SEED, from: FROM, to: TO, stepMinutes: 5, broker: kotakMonthBroker({ from: FROM, to: TO }) });
  }, 600_000);

  it('runs every job without failure, never holds two ACTIVE positions, and trades', () => {
    expect(kotak.failures).toEqual([]);
    expect(kotak.violations).toEqual([]);
    expect(kotak.positions.length).toBeGreaterThanOrEqual(2);
    expect(kotak.orders.every((o) => !o.inFlightUnknown)).toBe(true);
  });

  it('takes the same decisions, at the same times, as on the paper broker, with the same orders', () => {
    expect(sequenceOf(kotak)).toEqual(sequenceOf(paper));
    expect(ordersOf(kotak)).toEqual(ordersOf(paper));
  });
});
