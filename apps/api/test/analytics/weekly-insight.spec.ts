import type { LlmPort, LlmRequest } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { WeeklyInsight } from '../../src/modules/analytics/entities/weekly-insight.entity';
import { WeeklyInsightService } from '../../src/modules/analytics/learning/weekly-insight.service';
import type { InsightFacts } from '../../src/modules/analytics/learning/weekly-insight-text';
import { createTestDatabase, type TestDatabase } from '../db/test-database';

const BASELINE = { strategy: 'WEEKLY_NIFTY_STRANGLE', pattern: 'ALL', conditions: {}, count: 8, wins: 4, winRateFraction: 0.5, netPnlPaise: 4_000_000, avgNetPnlPaise: 500_000, profitFactor: 2 };
const FACTS: InsightFacts = { weekStart: '2026-11-30', baselines: [BASELINE], patterns: [], openSuggestions: [{ parameter: 'minDaysToExpiry', suggestedValue: 2, reason: 'r' }] };

/** A language model answering from a script, recording what it was asked. */
class ScriptedLlm implements LlmPort {
  readonly asked: LlmRequest[] = [];
  constructor(private readonly answer: () => Promise<string>) {}
  async generate(request: LlmRequest) {
    this.asked.push(request);
    return { text: await this.answer(), model: 'scripted-model' };
  }
}

describe('the weekly insight', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    ds = await db.openMigrated();
  });
  afterEach(async () => {
    await ds.destroy();
    await db.dispose();
  });

  it('is the model\'s summary of the week\'s figures when a model is configured', async () => {
    const llm = new ScriptedLlm(async () => '  The strangle won half its trades.  ');
    const row = await new WeeklyInsightService(ds, llm).write(FACTS);
    expect(row).toMatchObject({ weekStart: '2026-11-30', source: 'LLM', model: 'scripted-model', text: 'The strangle won half its trades.' });
    expect(llm.asked[0].prompt).toContain('"netPnlPaise":4000000');
    expect(llm.asked[0].temperature).toBe(0);
  });

  it('falls back to the rules summary when the model fails, and rewrites the week\'s one row', async () => {
    await new WeeklyInsightService(ds, new ScriptedLlm(async () => 'first')).write(FACTS);
    const row = await new WeeklyInsightService(ds, new ScriptedLlm(() => Promise.reject(new Error('ECONNREFUSED')))).write(FACTS);
    expect(row).toMatchObject({ source: 'RULES', model: null });
    expect(row.text).toBe('Week of 2026-11-30. WEEKLY_NIFTY_STRANGLE: 8 closed positions, won 50%, net ₹40,000.00 (average ₹5,000.00). Open suggestions: minDaysToExpiry → 2.');
    expect(await ds.getRepository(WeeklyInsight).count()).toBe(1);
  });

  it('is the rules summary without a model', async () => {
    expect((await new WeeklyInsightService(ds, null).write({ ...FACTS, baselines: [] })).text).toBe('Week of 2026-11-30: no closed position recorded yet; nothing to learn from.');
  });
});
