import { runBacktestProcess } from '../../src/modules/backtests/runner/backtest-process';

/**
 * A shutdown must not leave a backtest child running nor a run row updated after the database
 * closed (a run still working at shutdown wrote to a closed connection): aborting kills the
 * child and the run ends as "interrupted".
 */
describe('a backtest child process stopped by a shutdown', () => {
  it('is killed on abort and reports the run as interrupted', async () => {
    const stop = new AbortController();
    let progressed = 0;
    const result = await runBacktestProcess(
      { mode: 'run', strategy: 'kotak-strangle', from: '2026-03-02', to: '2026-09-30', params: ['engine.tickMinutes=5'], dataSource: 'SIMULATOR', seed: 7, dataFolder: '' },
      () => {
        progressed += 1;
        stop.abort();
      },
      { signal: stop.signal },
    );
    expect(progressed).toBeGreaterThan(0);
    expect(result).toEqual({ ok: false, message: 'interrupted: the API shut down during the run', input: false });
  }, 120_000);

  it('kills at once a child started after the shutdown began', async () => {
    const stop = new AbortController();
    stop.abort();
    const result = await runBacktestProcess({ mode: 'run', strategy: 'kotak-strangle', from: '2026-03-02', to: '2026-03-06', params: [], dataSource: 'SIMULATOR', seed: 7, dataFolder: '' }, () => undefined, { signal: stop.signal });
    expect(result).toMatchObject({ ok: false, message: /interrupted/ });
  }, 60_000);
});
