import { AnalyticsJobHandlers } from '../../src/modules/analytics/jobs/analytics-job-handlers';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { login, SecurityApp, SessionAuth, startSecurityApp } from '../security/security-app';
import { seedClosedTrade } from './closed-trade-fixtures';

/**
 * The learning loop end to end on the real app: four strangles entered with 1 day to expiry at
 * VIX 23 all lost (−₹10,000 net each), four entered with 5 days at VIX 14 all won (+₹20,000).
 * With a stored minimum of 3 samples, the 16:30 job suggests skipping entries with fewer than
 * 2 days to expiry (minDaysToExpiry 1 → 2; VIX 22 is not tighter than the default maxVix 20);
 * a trader accepts it and the parameter changes through the audited settings path.
 */
describe('learning loop: a pattern suggestion accepted into the strategy parameters', () => {
  let s: SecurityApp;
  let trader: SessionAuth;
  let viewer: SessionAuth;

  beforeAll(async () => {
    s = await startSecurityApp({
      beforeBoot: async (ds, seeded) => {
        for (let i = 0; i < 4; i++) {
          const day = `2026-11-${String(2 + i).padStart(2, '0')}`;
          await seedClosedTrade(ds, { accountId: seeded.accounts.kotakId, openedAt: `${day} 10:00`, closedAt: `${day} 11:00`, expiryDate: day, exitReason: 'STOP_LOSS', grossPaise: -900_000, chargesPaise: 100_000, journal: { vix: 23, daysToExpiry: 1 } });
          await seedClosedTrade(ds, { accountId: seeded.accounts.kotakId, openedAt: `${day} 12:00`, closedAt: `${day} 15:00`, expiryDate: '2026-11-10', exitReason: 'TARGET', grossPaise: 2_100_000, chargesPaise: 100_000, journal: { vix: 14, daysToExpiry: 5 } });
        }
      },
    });
    trader = await login(s, 'trader');
    viewer = await login(s, 'viewer');
  });
  afterAll(() => s?.close());

  const write = (method: 'put' | 'post', url: string, who: SessionAuth, body: object = {}) => s.http()[method](url).set('cookie', who.cookie).set('x-csrf-token', who.csrfToken).send(body);
  const learning = async () => (await s.http().get('/api/analytics/learning').set('cookie', viewer.cookie).expect(200)).body;
  const runJob = () => s.app.get(AnalyticsJobHandlers).learningUpdate();
  const params = async () => (await s.dataSource.getRepository(StrategyConfig).findOneByOrFail({ id: s.strategyConfigs.strangleId })).parameters;

  it('suggests nothing below the stored minimum of samples', async () => {
    // The default minimum is 10 samples; each pattern here has 4.
    await runJob();
    const l = await learning();
    expect(l.rules.find((r: { strategyType: string }) => r.strategyType === 'WEEKLY_NIFTY_STRANGLE')).toMatchObject({ stored: false, minSamples: 10 });
    expect(l.suggestions).toEqual([]);
    const pattern = l.patterns.find((p: { pattern: string }) => p.pattern === 'vixBand=VIX≥22&dteBucket=DTE 0-1');
    // Sample size 4, no win, −₹10,000 each.
    expect(pattern).toMatchObject({ count: 4, wins: 0, winRateFraction: 0, netPnlPaise: -4_000_000, avgNetPnlPaise: -1_000_000, profitFactor: 0 });
    expect(l.patterns.find((p: { pattern: string }) => p.pattern === 'dteBucket=DTE 4-7')).toMatchObject({ count: 4, wins: 4, profitFactor: null });
    expect(l.insight).toMatchObject({ weekStart: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), source: 'RULES' });
    expect(l.insight.text).toContain('WEEKLY_NIFTY_STRANGLE: 8 closed positions, won 50%');
  });

  it('refuses a bad rule and a viewer, then stores the rule with an audit entry', async () => {
    expect((await write('put', '/api/analytics/learning/rules/WEEKLY_NIFTY_STRANGLE', trader, { minSamples: 1, minWinRateGapFraction: 0.25 })).status).toBe(400);
    expect((await write('put', '/api/analytics/learning/rules/NOT_A_STRATEGY', trader, { minSamples: 3, minWinRateGapFraction: 0.25 })).status).toBe(400);
    expect((await write('put', '/api/analytics/learning/rules/WEEKLY_NIFTY_STRANGLE', viewer, { minSamples: 3, minWinRateGapFraction: 0.25 })).status).toBe(403);
    expect((await learning()).rules[0]).toMatchObject({ stored: false });
    const ok = await write('put', '/api/analytics/learning/rules/WEEKLY_NIFTY_STRANGLE', trader, { minSamples: 3, minWinRateGapFraction: 0.25 }).expect(200);
    expect(ok.body).toMatchObject({ stored: true, minSamples: 3 });
    expect(await s.dataSource.getRepository(AuditLogEntity).findOneBy({ action: 'learning-settings.update' })).toMatchObject({ actor: 'trader' });
  });

  it('shows the suggestion with its evidence after the job, and applies it only when a person accepts', async () => {
    await runJob();
    const [suggestion] = (await learning()).suggestions;
    expect(suggestion).toMatchObject({ status: 'OPEN', strategyConfigId: s.strategyConfigs.strangleId, pattern: 'dteBucket=DTE 0-1', parameter: 'minDaysToExpiry', currentValue: 1, suggestedValue: 2 });
    // Evidence: the pattern (4 positions, 0% won) against the strategy (8 positions, 50% won).
    expect(suggestion.evidence.pattern).toMatchObject({ count: 4, wins: 0, avgNetPnlPaise: -1_000_000 });
    expect(suggestion.evidence.baseline).toMatchObject({ count: 8, wins: 4, avgNetPnlPaise: 500_000 });
    expect(suggestion.reason).toContain('skip entries with fewer than 2 days to expiry');
    expect((await learning()).suggestions).toHaveLength(1);
    // Nothing changed by the job itself.
    expect((await params()).minDaysToExpiry).toBeUndefined();

    expect((await write('post', `/api/analytics/learning/suggestions/${suggestion.id}/accept`, viewer)).status).toBe(403);
    expect((await params()).minDaysToExpiry).toBeUndefined();

    const accepted = await write('post', `/api/analytics/learning/suggestions/${suggestion.id}/accept`, trader).expect(200);
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', decidedBy: 'trader' });
    expect((await params()).minDaysToExpiry).toBe(2);
    // Through the normal audited path: the strategy's change history names the trader and the old value.
    const history = (await s.http().get(`/api/strategy-configs/${s.strategyConfigs.strangleId}/history`).set('cookie', viewer.cookie).expect(200)).body;
    expect(history[0]).toMatchObject({ actor: 'trader', oldValue: { minDaysToExpiry: null }, newValue: { minDaysToExpiry: 2 } });
    expect(await s.dataSource.getRepository(AuditLogEntity).findOneBy({ action: 'learning-suggestion.accept', entityId: String(suggestion.id) })).toMatchObject({ actor: 'trader' });

    expect((await write('post', `/api/analytics/learning/suggestions/${suggestion.id}/accept`, trader)).status).toBe(409);
    expect((await write('post', '/api/analytics/learning/suggestions/999999/dismiss', trader)).status).toBe(404);

    // The next run finds the parameter already at 2: no new suggestion.
    await runJob();
    expect((await learning()).suggestions.filter((x: { status: string }) => x.status === 'OPEN')).toEqual([]);
  });
});
