import type { StrategyOrderCommand } from '@mcube/domain';
import type { FuturesRiskLevels } from '../ports/futures-account.port';
import type { FakeFuturesOutcome } from '../testing/futures-book.fake';
import { SCREEN_DATE, screenScenario } from '../testing/screen-scenario';
import { futuresHarness } from '../testing/strategy-harness';

const approve = { approved: true, approval: { approvedBy: 'trader@desk', approvedAt: 0 } };

/** A harness holding a LONG INFY position: 2 lots of 400 at 1000. */
function holding(opts: { levels?: FuturesRiskLevels | null; config?: object; outcome?: (o: StrategyOrderCommand, n: number) => FakeFuturesOutcome; time?: string } = {}) {
  const h = futuresHarness({ market: screenScenario(), start: { date: SCREEN_DATE, time: opts.time ?? '10:00' }, config: opts.config, outcome: opts.outcome });
  h.book.position = {
    positionId: 'ICICI-IF-1',
    accountId: 'ICICI',
    underlying: 'INFY',
    expiry: '2026-12-29',
    direction: 'LONG',
    quantity: 800,
    lotSize: 400,
    averagePrice: 1000,
    riskLevels: opts.levels === undefined ? { stopLoss: 995, target: 1010, averagingAttempts: 0, originalQuantity: 800 } : opts.levels,
    openedAtMs: 0,
    closedQuantity: 0,
  };
  const setPrice = (p: number) => (h.market.underlyings.get('INFY')!.price = p);
  setPrice(1002);
  return { h, setPrice };
}

describe('the open ICICI position: exits, averaging requests, restored levels', () => {
  it('exits at the stop with a reducing LIMIT at the bid (no approval), raises a CRITICAL alert, and journals the close', async () => {
    const { h, setPrice } = holding();
    expect(await h.strategy.onTick()).toMatchObject({ exit: { action: 'HOLD', code: 'NO_EXIT_CONDITION' } });
    setPrice(994.5);
    expect(await h.strategy.onTick(h.at(SCREEN_DATE, '10:05'))).toMatchObject({ exit: { action: 'EXIT', code: 'STOP_LOSS_HIT' } });
    expect(h.book.intents).toEqual([expect.objectContaining({ side: 'SELL', quantity: 800, purpose: 'EXIT', limitPrice: 994.45, strategyPositionId: 'ICICI-IF-1' })]);
    // An exit only reduces: no approval, and no caller figures (the gateway sizes nothing for it).
    expect(h.book.intents[0].approval).toBeUndefined();
    expect(h.book.intents[0].callerFigures).toBeUndefined();
    expect(h.alerts.alerts.at(-1)).toMatchObject({ severity: 'CRITICAL', title: 'Futures exit: STOP_LOSS_HIT' });
    await h.strategy.onTick(h.at(SCREEN_DATE, '10:05:05'));
    expect(h.book.position).toBeNull();
    expect(h.journal.records.map((r) => r.decision)).toEqual(['HOLD', 'EXIT', 'EXIT_ORDER_SUBMITTED', 'EXIT_COMPLETE']);
  });

  it('chases an exit that does not fill: cancelled after 30 s and sent again at the fresh touch until flat', async () => {
    const { h, setPrice } = holding({ outcome: (i, n) => (n === 0 ? 'WORK' : 'FILL') });
    setPrice(1010.5);
    await h.strategy.onTick();
    expect(h.book.intents[0]).toMatchObject({ purpose: 'EXIT', limitPrice: 1010.45 });
    await h.strategy.onTick(h.at(SCREEN_DATE, '10:00:30'));
    expect(h.book.cancels).toEqual(['co-1']);
    setPrice(1008);
    await h.strategy.onTick(h.at(SCREEN_DATE, '10:00:35'));
    expect(h.book.intents[1]).toMatchObject({ purpose: 'EXIT', quantity: 800, limitPrice: 1007.95 });
    await h.strategy.onTick(h.at(SCREEN_DATE, '10:00:40'));
    expect(h.book.position).toBeNull();
    expect(h.journal.decisions('EXIT_ORDER_REPRICED')).toHaveLength(1);
    expect(h.journal.records.at(-1)).toMatchObject({ decision: 'EXIT_COMPLETE', reasonCode: 'TARGET_HIT' });
  });

  it('retries a refused exit on the next tick with a CRITICAL alert each time it is refused', async () => {
    const { h, setPrice } = holding({ outcome: (_i, n) => (n === 0 ? 'REJECT' : 'FILL') });
    setPrice(990);
    await h.strategy.onTick();
    expect(h.alerts.alerts.at(-1)).toMatchObject({ severity: 'CRITICAL', title: 'Futures exit order refused' });
    await h.strategy.onTick(h.at(SCREEN_DATE, '10:00:05'));
    expect(h.book.intents).toHaveLength(2);
    expect(h.book.position).toBeNull();
  });

  it('at 15:15 holds below 50% of the target with one overnight warning a day, and exits at 50%', async () => {
    const { h, setPrice } = holding({ time: '15:15' });
    setPrice(1004);
    await h.strategy.onTick();
    await h.strategy.onTick(h.at(SCREEN_DATE, '15:16'));
    expect(h.alerts.alerts.filter((a) => a.title.includes('held overnight'))).toHaveLength(1);
    expect(h.journal.decisions('HOLD').at(-1)).toMatchObject({ reasonCode: 'EOD_HOLD_BELOW_MIN_PROFIT' });
    setPrice(1005);
    await h.strategy.onTick(h.at(SCREEN_DATE, '15:17'));
    expect(h.journal.decisions('EXIT')[0]).toMatchObject({ reasonCode: 'EOD_MIN_PROFIT_MET' });
  });

  it('closes before the last two trading days of the contract, at the EOD check of the session before them', async () => {
    const { h } = holding({ time: '15:00' });
    h.at('2026-12-24', '15:14');
    await h.strategy.onTick();
    expect(h.book.intents).toEqual([]);
    await h.strategy.onTick(h.at('2026-12-24', '15:15'));
    expect(h.book.intents[0]).toMatchObject({ purpose: 'EXIT', strategyPositionId: 'ICICI-IF-1' });
    expect(h.journal.decisions('EXIT')[0]).toMatchObject({ reasonCode: 'PRE_EXPIRY_CLOSE' });
  });

  it('with ROLL, closes and then asks a person to approve the same direction in the next expiry', async () => {
    const { h } = holding({ config: { preExpiryAction: 'ROLL' } });
    await h.strategy.onTick(h.at('2026-12-28', '09:30'));
    await h.strategy.onTick(h.at('2026-12-28', '09:30:05'));
    expect(h.book.position).toBeNull();
    expect(h.approvals.requests).toEqual([expect.objectContaining({ kind: 'ROLL', direction: 'LONG', intent: expect.objectContaining({ purpose: 'ENTRY', instrument: expect.objectContaining({ expiry: '2027-01-26' }) }) })]);
    expect(h.book.intents).toHaveLength(1);
  });

  it('restores a missing stop and target from the average after a restart, with a warning', async () => {
    const { h } = holding({ levels: null });
    await h.strategy.onTick();
    expect(h.book.levelWrites).toEqual([{ positionId: 'ICICI-IF-1', levels: { stopLoss: 995, target: 1010, averagingAttempts: 0, originalQuantity: 800 } }]);
    expect(h.journal.records[0]).toMatchObject({ decision: 'RISK_LEVELS_RESTORED' });
    expect(h.alerts.alerts[0]).toMatchObject({ severity: 'WARNING' });
  });

  describe('averaging (stop 1.5%, target 3%, re-set stop 1%: the settings under which it can happen)', () => {
    const config = { stopLossPct: 1.5, targetPct: 3, averagedStopLossPct: 1 };
    const levels = { stopLoss: 985, target: 1030, averagingAttempts: 0, originalQuantity: 800 };

    it('asks a person at 1% against the average, once, and sends the AVERAGE order only when approved', async () => {
      const { h, setPrice } = holding({ config, levels });
      setPrice(990);
      await h.strategy.onTick();
      await h.strategy.onTick(h.at(SCREEN_DATE, '10:00:05'));
      expect(h.approvals.requests).toHaveLength(1);
      const request = h.approvals.requests[0];
      expect(request).toMatchObject({ kind: 'AVERAGE', positionId: 'ICICI-IF-1', lots: 2, intent: { purpose: 'AVERAGE', side: 'BUY', quantity: 800, strategyPositionId: 'ICICI-IF-1', callerFigures: { marginPaise: request.marginPaise, riskPaise: request.riskPaise, exposurePaise: request.exposurePaise } }, averaging: { decision: { attempt: 1 } } });
      expect(h.book.intents).toEqual([]);
      expect(h.alerts.alerts.at(-1)).toMatchObject({ title: 'ICICI averaging awaits approval' });

      h.approvals.decide(request.requestId);
      expect(await h.strategy.onApprovalDecision(request, { requestId: request.requestId, ...approve }, h.at(SCREEN_DATE, '10:01'))).toMatchObject({ status: 'SUBMITTED' });
      expect(h.book.intents[0]).toMatchObject({ purpose: 'AVERAGE', quantity: 800, approval: approve.approval });
      await h.strategy.onTick(h.at(SCREEN_DATE, '10:01:05'));
      // Filled at the ask 990.05: average (1000 × 800 + 990.05 × 800) / 1600 = 995.025; stop × 0.99 = 985.07475 → 985.10.
      expect(h.book.position).toMatchObject({ quantity: 1600, riskLevels: { stopLoss: 985.1, averagingAttempts: 1, originalQuantity: 800 } });
      expect(h.journal.decisions('AVERAGE_FILLED')).toHaveLength(1);
    });

    it('sends an AVERAGE approved from a request stored before orders were commands (no strategyPositionId in its stored order) for the request\'s position', async () => {
      const { h, setPrice } = holding({ config, levels });
      setPrice(990);
      await h.strategy.onTick();
      const stored = h.approvals.requests[0];
      const { strategyPositionId: _absentInOldRows, ...oldOrder } = stored.intent;
      const request = { ...stored, intent: oldOrder };
      h.approvals.decide(request.requestId);
      expect(await h.strategy.onApprovalDecision(request, { requestId: request.requestId, ...approve }, h.at(SCREEN_DATE, '10:01'))).toMatchObject({ status: 'SUBMITTED' });
      expect(h.book.intents[0]).toMatchObject({ purpose: 'AVERAGE', quantity: 800, strategyPositionId: 'ICICI-IF-1' });
    });

    it('stops asking after the stored number of attempts', async () => {
      const { h, setPrice } = holding({ config: { ...config, maxAverageAttempts: 1 }, levels: { ...levels, averagingAttempts: 1 } });
      setPrice(990);
      await h.strategy.onTick();
      expect(h.approvals.requests).toEqual([]);
    });

    it('refuses an averaging approval when the position moved on (another attempt already made)', async () => {
      const { h, setPrice } = holding({ config, levels });
      setPrice(990);
      await h.strategy.onTick();
      const request = h.approvals.requests[0];
      h.book.position = { ...h.book.position!, riskLevels: { ...levels, averagingAttempts: 1 } };
      expect(await h.strategy.onApprovalDecision(request, { requestId: request.requestId, ...approve })).toMatchObject({ status: 'NOT_SENT', code: 'POSITION_CHANGED' });
      expect(h.book.intents).toEqual([]);
    });

    it('does not ask with the settled 0.5% re-set stop: the order would be stopped out at once', async () => {
      const { h, setPrice } = holding({ config: { stopLossPct: 1.5, targetPct: 3 }, levels });
      setPrice(990);
      await h.strategy.onTick();
      expect(h.approvals.requests).toEqual([]);
    });
  });
});
