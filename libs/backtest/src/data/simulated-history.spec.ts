import { createDefaultNseCalendar } from '@mcube/domain';
import { runBacktest } from '../engine/backtest-engine';
import { ENGINE_DEFAULTS } from '../engine/engine-params';
import { buildReport } from '../report/build-report';
import { kotakStrangleFactory } from '../strategy/kotak-strangle.adapter';
import { simulatedHistory } from './simulated-history';

describe('the simulator as the market source', () => {
  async function run(seed: number) {
    const calendar = createDefaultNseCalendar();
    const history = await simulatedHistory({ seed, from: '2026-03-02', to: '2026-04-17', calendar });
    return buildReport(await runBacktest({ history, calendar, from: '2026-03-02', to: '2026-04-17', strategy: kotakStrangleFactory().factory, params: ENGINE_DEFAULTS }));
  }

  it('gives the engine a seeded market it trades through the same path, the same seed the same report', async () => {
    const a = await run(7);
    const b = await run(7);
    expect(a.data.folder).toBe('simulator:seed=7');
    expect(a.decisions.length).toBeGreaterThan(0);
    expect(a.summary.trades).toBeGreaterThan(0);
    expect(a.decisions.some((d) => d.kind === 'SKIP')).toBe(true);
    expect(a.risk.tickErrors).toEqual([]);
    expect(JSON.stringify(b.trades)).toBe(JSON.stringify(a.trades));
    expect(JSON.stringify(b.decisions)).toBe(JSON.stringify(a.decisions));
    const c = await run(8);
    expect(JSON.stringify(c.decisions)).not.toBe(JSON.stringify(a.decisions));
  }, 120_000);
});
