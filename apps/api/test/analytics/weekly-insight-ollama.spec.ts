import { FakeOllamaServer, ollamaChatBody, ollamaError } from '@mcube/llm/testing';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/load-config';
import { WeeklyInsight } from '../../src/modules/analytics/entities/weekly-insight.entity';
import { WeeklyInsightService } from '../../src/modules/analytics/learning/weekly-insight.service';
import { insightPrompt, rulesInsight, type InsightFacts } from '../../src/modules/analytics/learning/weekly-insight-text';
import { languageModelFor } from '../../src/modules/llm/llm-providers';
import { createTestDatabase, type TestDatabase } from '../db/test-database';

const BASELINE = { strategy: 'WEEKLY_NIFTY_STRANGLE', pattern: 'ALL', conditions: {}, count: 8, wins: 4, winRateFraction: 0.5, netPnlPaise: 4_000_000, avgNetPnlPaise: 500_000, profitFactor: 2 };
const FACTS: InsightFacts = { weekStart: '2026-11-30', baselines: [BASELINE], patterns: [], openSuggestions: [{ parameter: 'minDaysToExpiry', suggestedValue: 2, reason: 'r' }] };
const RULES_TEXT = rulesInsight(FACTS);

// The weekly insight with the LLM validator's model configured (OLLAMA_URL), over Ollama's
// /api/chat wire format served locally and spoken by the real `ollama` client.
describe('the weekly insight from the configured Ollama model', () => {
  const server = new FakeOllamaServer();
  let db: TestDatabase;
  let ds: DataSource;
  let service: WeeklyInsightService;

  beforeAll(async () => {
    await server.start();
    db = await createTestDatabase('sqlite');
    ds = await db.openMigrated();
    const llm = languageModelFor(loadConfig({ NODE_ENV: 'test', SQLITE_PATH: ':memory:', OLLAMA_URL: server.url, MCUBE_LLM_TIMEOUT_MS: '1000' }));
    expect(llm).not.toBeNull();
    service = new WeeklyInsightService(ds, llm);
  });
  afterAll(async () => {
    await server.stop();
    await ds.destroy();
    await db.dispose();
  });
  beforeEach(() => void server.requests.splice(0));

  const stored = () => ds.getRepository(WeeklyInsight).find();

  it('is the model\'s text, labelled LLM with the model that answered, from one non-streaming /api/chat call', async () => {
    server.replyToChat({ json: ollamaChatBody('  Half the strangles won; the losers all came within 2 days of expiry.  ') });
    const row = await service.write(FACTS);
    expect(row).toMatchObject({ weekStart: '2026-11-30', source: 'LLM', model: 'llama3.1:8b', text: 'Half the strangles won; the losers all came within 2 days of expiry.' });
    expect(server.requests).toHaveLength(1);
    const { path, body } = server.requests[0];
    expect(path).toBe('/api/chat');
    expect(body).toMatchObject({ model: 'llama3.1:8b', stream: false, messages: [{ role: 'user', content: insightPrompt(FACTS) }], options: { temperature: 0, num_predict: 400 } });
    expect(await stored()).toHaveLength(1);
  });

  it.each([
    ['answers 500', ollamaError(500, 'model runner crashed')],
    ['does not answer within MCUBE_LLM_TIMEOUT_MS', { delayMs: 3_000, json: ollamaChatBody('too late') }],
    ['answers an empty message', { json: ollamaChatBody('   ') }],
    ['sends a body that is not JSON', { raw: '<html>bad gateway</html>', contentType: 'text/html' }],
  ])('falls back to the rules summary, labelled RULES, when the model %s', async (_case, reply) => {
    server.replyToChat(reply);
    const row = await service.write(FACTS);
    expect(server.requests.map((r) => r.path)).toEqual(['/api/chat']);
    expect(row).toMatchObject({ weekStart: '2026-11-30', source: 'RULES', model: null, text: RULES_TEXT });
    // The week's one row is rewritten, never duplicated.
    expect(await stored()).toHaveLength(1);
  });

  it('falls back to the rules summary when Ollama is not running at all', async () => {
    const gone = new FakeOllamaServer();
    const url = await gone.start();
    await gone.stop();
    const unreachable = new WeeklyInsightService(ds, languageModelFor(loadConfig({ NODE_ENV: 'test', SQLITE_PATH: ':memory:', OLLAMA_URL: url, MCUBE_LLM_TIMEOUT_MS: '1000' })));
    expect(await unreachable.write(FACTS)).toMatchObject({ source: 'RULES', model: null, text: RULES_TEXT });
  });

  it('has no model with the rules validator (the default): the rules summary, no call', () => {
    expect(languageModelFor(loadConfig({ NODE_ENV: 'test', SQLITE_PATH: ':memory:' }))).toBeNull();
  });
});
