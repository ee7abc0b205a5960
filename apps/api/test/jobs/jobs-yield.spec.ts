import { AccountSummaryService } from '../../src/modules/analytics/account-summary/account-summary.service';
import { AnalyticsJobHandlers } from '../../src/modules/analytics/jobs/analytics-job-handlers';
import { PositionMonitorService } from '../../src/modules/positions/position-monitor.service';
import { StrategyJobHandlers } from '../../src/modules/strategies/runtime/strategy-job-handlers';
import { KotakStrangleRunner } from '../../src/modules/strategies/runtime/kotak-strangle.runner';
import type { MarketDataPort } from '@mcube/domain';
import { ChainSnapshotService } from '../../src/modules/data/snapshots/chain-snapshot.service';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { MARKET_DATA } from '../../src/modules/data/source/market-data.tokens';
import { startDataApp, type DataApp } from '../data/data-app';
import { startSecurityApp, type SecurityApp } from '../security/security-app';

/**
 * The every-second jobs yield to the event loop between their parts (issue 21): better-sqlite3
 * is synchronous, so parts chained by `await` alone run as one task and hold every request
 * behind them. Each test records event-loop turns (a setImmediate chain) next to the parts.
 */
describe('background jobs yield to the event loop between their parts', () => {
  let s: SecurityApp;
  const trace: string[] = [];
  let turning = false;
  const turns = () => {
    if (!turning) return;
    trace.push('turn');
    setImmediate(turns);
  };
  const recordTurns = () => {
    trace.length = 0;
    turning = true;
    setImmediate(turns);
  };
  /** The trace with runs of turns folded into one. */
  const folded = () => trace.filter((t, i) => t !== 'turn' || trace[i - 1] !== 'turn');

  beforeAll(async () => {
    s = await startSecurityApp();
  }, 120_000);
  afterAll(async () => {
    turning = false;
    await s?.close();
  });

  it('positions.pnl reads the account summaries one account per event-loop turn, after the P&L commit', async () => {
    const summaries = s.app.get(AccountSummaryService);
    const target = summaries as unknown as { summaryOf: (a: { id: number }) => Promise<unknown> };
    const original = target.summaryOf.bind(summaries);
    const summaryOf = jest.spyOn(target, 'summaryOf').mockImplementation(async (account) => {
      trace.push(`account ${account.id}`);
      return original(account);
    });
    try {
      recordTurns();
      const published = await (async () => {
        await s.app.get(AnalyticsJobHandlers).refreshPnl();
        return summaries.list();
      })();
      turning = false;
      const ids = [s.accounts.kotakId, s.accounts.iciciId];
      expect(published.map((a) => a.accountId)).toEqual(ids);
      // A turn before each account's reads, so never two accounts in one task.
      const path = folded();
      expect(path.filter((t) => t.startsWith('account'))).toEqual(ids.map((id) => `account ${id}`));
      expect(path.indexOf(`account ${ids[1]}`) - path.indexOf(`account ${ids[0]}`)).toBe(2);
      expect(path[path.indexOf(`account ${ids[0]}`) - 1]).toBe('turn');
    } finally {
      turning = false;
      summaryOf.mockRestore();
    }
  });

  it('positions.monitor yields between marking, the exit chase and the strategies', async () => {
    const monitor = s.app.get(PositionMonitorService);
    const runner = s.app.get(KotakStrangleRunner);
    const markAll = monitor.markAll.bind(monitor);
    const forEach = runner.forEachStrategy.bind(runner);
    const marked = jest.spyOn(monitor, 'markAll').mockImplementation(async () => {
      trace.push('mark');
      return markAll();
    });
    const ticked = jest.spyOn(runner, 'forEachStrategy').mockImplementation(async (fn) => {
      trace.push('strategies');
      return forEach(fn);
    });
    try {
      recordTurns();
      await s.app.get(StrategyJobHandlers).monitorPositions();
      turning = false;
      const path = folded();
      const at = (t: string) => path.indexOf(t);
      expect(at('mark')).toBeGreaterThanOrEqual(0);
      expect(at('strategies')).toBeGreaterThan(at('mark'));
      // Marking and the strategies' ticks are at least two event-loop turns apart (the chase between).
      expect(path.slice(at('mark'), at('strategies')).filter((t) => t === 'turn').length).toBeGreaterThanOrEqual(1);
      expect(path[at('strategies') - 1]).toBe('turn');
    } finally {
      turning = false;
      marked.mockRestore();
      ticked.mockRestore();
    }
  });
});

describe('the option-chain snapshot job yields between pricing, storing and expiries', () => {
  let s: DataApp;
  afterAll(async () => {
    await s?.close();
  });

  it('stores both expiries with event-loop turns between each chain read, its commit and the next expiry', async () => {
    // A Wednesday: the nearest weekly and the monthly are two expiries.
    s = await startDataApp({ date: '2026-03-11', time: '11:00' });
    const trace: string[] = [];
    let turning = true;
    const turns = () => {
      if (!turning) return;
      trace.push('turn');
      setImmediate(turns);
    };
    const unsubscribe = s.app.get(AppEventsBus).subscribe((m) => {
      if (m.event === 'market.chain') trace.push('stored');
    });
    const market = s.app.get<MarketDataPort>(MARKET_DATA);
    const read = market.optionChain.bind(market);
    const chains = jest.spyOn(market, 'optionChain').mockImplementation(async (request) => {
      trace.push('read');
      return read(request);
    });
    try {
      setImmediate(turns);
      const outcome = await s.app.get(ChainSnapshotService).run();
      turning = false;
      expect(outcome.chains).toHaveLength(2);
      const path = trace.filter((t, i) => t !== 'turn' || trace[i - 1] !== 'turn');
      expect(path.filter((t) => t !== 'turn')).toEqual(['read', 'stored', 'read', 'stored']);
      // Never two of read / store in one task.
      for (let i = 1; i < path.length; i++) if (path[i] !== 'turn') expect(path[i - 1]).toBe('turn');
    } finally {
      turning = false;
      chains.mockRestore();
      unsubscribe();
    }
  }, 120_000);
});
