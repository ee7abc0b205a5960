import { Position } from '../../src/modules/positions/entities/position.entity';
import { login, startSecurityApp, type SecurityApp, type SessionAuth } from '../security/security-app';
import { insertFuturesTrade } from './futures-trade.fixture';

// Issue #16 §4: the futures position detail (entry, average, stop, target, averaging attempts
// with their approvals, P&L, the exit rule next) over REST, as the console's page reads it.
describe('GET /api/strategies/icici-futures/positions/:id', () => {
  let s: SecurityApp;
  let viewer: SessionAuth;

  beforeAll(async () => {
    s = await startSecurityApp();
    viewer = await login(s, 'viewer');
  }, 60_000);
  afterAll(() => s.close());

  const get = (path: string) => s.http().get(path).set('cookie', viewer.cookie);

  it('shows an open position: entry, average, stop, target, P&L, attempts with the person’s decisions, and the exit rules ahead', async () => {
    const t = await insertFuturesTrade(s.dataSource, s.accounts.iciciId, { tag: 'v', closed: false });
    const res = await get(`/api/strategies/icici-futures/positions/${t.positionId}`).expect(200);
    expect(res.body).toMatchObject({
      id: t.positionId,
      status: 'ACTIVE',
      underlying: 'INFY',
      direction: 'LONG',
      quantity: 800,
      lotSize: 400,
      entryPricePaise: 1600_00,
      averagePricePaise: 1596_00,
      stopLossPricePaise: 1588_02,
      targetPricePaise: 1611_92,
      averagingCount: 1,
      unrealizedPnlPaise: -3_200_00,
      entryApproval: { requestRef: t.entryRef, status: 'APPROVED', decidedBy: 'trader', validatorLabel: 'rules validator — no LLM configured' },
    });
    expect(res.body.entryApproval.request.candidate.score).toEqual({ score: 78, minimum: 65, components: { oi: 34, sector: 30, trend: 9, rsi: 5 } });
    expect(res.body.averagingAttempts.map((a: { attempt: number; approval: { requestRef: string; status: string; reason: string | null }; order: { purpose: string; filledQuantity: number; avgFillPricePaise: number } | null }) => [a.attempt, a.approval.requestRef, a.approval.status, a.approval.reason, a.order && [a.order.purpose, a.order.filledQuantity, a.order.avgFillPricePaise]])).toEqual([
      [1, t.averageRef, 'APPROVED', null, ['AVERAGE', 400, 1592_00]],
      [2, t.declinedRef, 'REJECTED', 'results on Thursday: no more size', null],
    ]);
    expect(res.body.orders.map((o: { purpose: string }) => o.purpose)).toEqual(['ENTRY', 'AVERAGE']);
    // 2026-03-30 expiry: the last two trading days are 27 and 30 March (28–29 are a weekend).
    expect(res.body.exitRule).toMatchObject({ stopLossPricePaise: 1588_02, targetPricePaise: 1611_92, eodTime: '15:15', eodMinProfitPct: 50, preExpiryFrom: '2026-03-27', preExpiryAction: 'CLOSE', latest: { code: 'NO_EXIT_CONDITION', decision: 'HOLD' } });
  });

  it('shows a closed one with its exit price and the rule that closed it', async () => {
    const t = await insertFuturesTrade(s.dataSource, s.accounts.iciciId, { tag: 'w', closed: true });
    const res = await get(`/api/strategies/icici-futures/positions/${t.positionId}`).expect(200);
    expect(res.body).toMatchObject({ status: 'CLOSED', quantity: 0, exitPricePaise: 1588_00, realizedPnlPaise: -6_400_00, exitReason: 'STOP_LOSS_HIT', exitRule: { latest: { code: 'STOP_LOSS_HIT', decision: 'EXIT' } } });
    expect(res.body.orders.map((o: { purpose: string }) => o.purpose)).toEqual(['ENTRY', 'AVERAGE', 'EXIT']);
  });

  it('answers 404 for another strategy’s position or an unknown id, 400 for a malformed id, 401 without a session', async () => {
    const strangle = await s.dataSource.getRepository(Position).save({ accountId: s.accounts.kotakId, strategyType: 'WEEKLY_NIFTY_STRANGLE', status: 'CLOSED', direction: 'NEUTRAL', underlying: 'NIFTY', expiryDate: '2026-03-17', quantity: 0, marginUsedPaise: 0, entryValuePaise: 0, openedAt: new Date('2026-03-10T04:00:00.000Z') } as Partial<Position>);
    await get(`/api/strategies/icici-futures/positions/${strangle.id}`).expect(404);
    await get('/api/strategies/icici-futures/positions/999999').expect(404);
    await get('/api/strategies/icici-futures/positions/abc').expect(400);
    await s.http().get(`/api/strategies/icici-futures/positions/${strangle.id}`).expect(401);
  });
});
