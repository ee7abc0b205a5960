import { ENGINE_DEFAULTS, kotakStrangleFactory, runBacktest, simulatedHistory, type EngineDecision } from '@mcube/backtest';
import { createDefaultNseCalendar, istDateTimeOf, type StoredRiskLimits } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { TRADING_ACCOUNT_SEEDS } from '../../src/cli/trading-account-seeds';
import { RiskLimit } from '../../src/modules/risk/entities/risk-limit.entity';
import { strangleConfigOf } from '../../src/modules/strategies/runtime/strangle-config-of';
import { runSimulatedMonth, type MonthRun } from '../strategies/strangle-month.run';

// Issue 18 done-when: the same decisions from the backtest engine and from the API's strategy
// runner on the same simulated days. The API side is the real strangle path of the API (job
// schedule → runner → order gateway → paper broker → positions, `strangle-harness`) stepped
// every 5 minutes over the seeded simulator; the engine side is `runBacktest` over the same
// days, ticking every 5 minutes, reading the same simulator (same seed, start and tick grid)
// as its market. Both run the one KotakStrangleStrategy with the configuration the API builds
// from the seeded parameters and risk limits.
const SEED = 7;
const FROM = '2026-03-02';
const TO = '2026-03-13';
const STEP_MINUTES = 5;
const kotak = TRADING_ACCOUNT_SEEDS.find((s) => s.broker === 'KOTAK')!;

/** A decision as both sides journal it: IST minute, kind, decision, reason, and the entry's strikes and size. */
interface Comparable {
  at: string;
  kind: string;
  decision: string;
  reasonCode: string;
  strikes?: string;
  quantity?: number;
}

type Obj = Record<string, unknown>;
const entryFacts = (evaluation: unknown): Pick<Comparable, 'strikes' | 'quantity'> => {
  const ev = (evaluation ?? {}) as Obj;
  const strikes = ev['strikes'] as Obj | undefined;
  const sizing = ev['sizing'] as Obj | undefined;
  return strikes && sizing ? { strikes: `${strikes['callStrike']}/${strikes['putStrike']}`, quantity: sizing['quantity'] as number } : {};
};

function apiDecisions(run: MonthRun): Comparable[] {
  return run.decisions.map((d) => {
    const { date, time } = istDateTimeOf(d.occurredAt.getTime());
    return { at: `${date} ${time.slice(0, 5)}`, kind: d.kind, decision: d.decision, reasonCode: d.reasonCode ?? '', ...(d.decision === 'ENTER' ? entryFacts(d.inputs['evaluation']) : {}) };
  });
}

function engineDecisions(records: readonly EngineDecision[]): Comparable[] {
  return records.map((d) => {
    const { date, time } = istDateTimeOf(d.occurredAt);
    return { at: `${date} ${time.slice(0, 5)}`, kind: d.kind, decision: d.decision, reasonCode: d.reasonCode, ...(d.decision === 'ENTER' ? entryFacts(d.inputs['evaluation']) : {}) };
  });
}

describe('the backtest engine and the API strategy runner on the same simulated days', () => {
  let api: Comparable[];
  let engine: Comparable[];

  beforeAll(async () => {
    const riskRow = kotak.riskLimit as unknown as Obj;
    const run = await runSimulatedMonth({ driver: 'in-process', seed: SEED, from: FROM, to: TO, stepMinutes: STEP_MINUTES, seedData: (ds, accountId) => ds.getRepository(RiskLimit).save({ ...kotak.riskLimit, accountId }).then(() => undefined) });
    api = apiDecisions(run);

    const calendar = createDefaultNseCalendar();
    const outcome = strangleConfigOf(kotak.parameters, { accountId: 1, allocatedCapitalPaise: kotak.allocatedCapitalPaise, maxMarginUsage: riskRow['maxMarginUsagePct'] as number, firstTradeFraction: riskRow['firstTradeFraction'] as number });
    if (!outcome.ok) throw new Error(`seed configuration invalid: ${JSON.stringify(outcome.errors)}`);
    const riskLimits = Object.fromEntries(Object.keys(ENGINE_DEFAULTS.riskLimits).map((k) => [k, riskRow[k] ?? null])) as unknown as StoredRiskLimits;
    const result = await runBacktest({
      history: await simulatedHistory({ seed: SEED, from: FROM, to: TO, calendar }),
      calendar,
      from: FROM,
      to: TO,
      // The engine's paper account is named KOTAK; everything else is the API's configuration.
      strategy: kotakStrangleFactory({ ...outcome.config, accountId: 'KOTAK' }).factory,
      params: { ...ENGINE_DEFAULTS, tickMinutes: STEP_MINUTES, capitalPaise: kotak.allocatedCapitalPaise, riskLimits, fills: 'AFTER_TICK' },
      keepFullDecisions: true,
      market: (clock) => new MarketSimulator({ seed: SEED, startDate: FROM, calendar, tickIntervalMs: STEP_MINUTES * 60_000 }, clock),
    });
    engine = engineDecisions(result.journal.fullRecords.map((r) => JSON.parse(r) as EngineDecision));
  }, 300_000);

  it('takes an entry decision every trading day and enters at least once', () => {
    const entries = api.filter((d) => d.kind === 'ENTRY' || d.kind === 'SKIP');
    expect(entries.length).toBeGreaterThanOrEqual(9);
    expect(api.some((d) => d.decision === 'ENTER')).toBe(true);
    expect(api.some((d) => d.kind === 'EXIT' && d.decision === 'EXIT')).toBe(true);
    expect(api.filter((d) => d.kind === 'HOLD').length).toBeGreaterThan(20);
  });

  it('takes the same entry decisions (day, time, decision, reason, strikes, size)', () => {
    const entryOnly = (ds: Comparable[]) => ds.filter((d) => d.kind === 'ENTRY' || d.kind === 'SKIP' || d.decision === 'MONITOR_ONLY');
    expect(entryOnly(engine)).toEqual(entryOnly(api));
  });

  it('takes the same decisions, in the same order', () => {
    expect(engine).toEqual(api);
  });
});
