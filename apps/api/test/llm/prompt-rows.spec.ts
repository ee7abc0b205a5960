import type { LlmValidator } from '@mcube/domain';
import { buildTradeIdea, FakeOllamaServer, ollamaChatBody, PASSAGES } from '@mcube/llm/testing';
import { LlmPrompt } from '../../src/modules/llm/entities/llm-prompt.entity';
import { LlmValidation } from '../../src/modules/llm/entities/llm-validation.entity';
import { LLM_VALIDATOR } from '../../src/modules/llm/llm.tokens';
import { PromptRowsService } from '../../src/modules/llm/prompt-rows.service';
import { startSecurityApp, type SecurityApp } from '../security/security-app';

// Issue #16 §2: prompt templates are versioned rows (`llm_prompts`), and every stored call names the row it used.
describe('prompt templates as llm_prompts rows', () => {
  const ollama = new FakeOllamaServer();
  let s: SecurityApp;

  beforeAll(async () => {
    await ollama.start();
    s = await startSecurityApp({ env: { OLLAMA_URL: ollama.url, MCUBE_LLM_TIMEOUT_MS: '2000' } });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await ollama.stop();
  });

  it('stores each template version once at boot; a second pass adds nothing', async () => {
    const rows = await s.dataSource.getRepository(LlmPrompt).find();
    expect(rows.map((r) => [r.name, r.version, r.isActive])).toEqual([['icici-futures-validation', 1, true]]);
    expect(JSON.parse(rows[0].template)).toMatchObject({ system: expect.stringContaining('cautious risk reviewer'), user: expect.stringContaining('{{idea}}') });
    expect(await s.app.get(PromptRowsService, { strict: false }).ensure()).toBe(0);
  });

  it('links a stored Ollama validation to the prompt row it used', async () => {
    ollama.replyToChat({ json: ollamaChatBody(JSON.stringify({ verdict: 'APPROVE', confidence: 0.8, direction: 'LONG', reasons: ['OI and sector agree'], risks: [], counterpoints: [] })) });
    const v = await s.app.get<LlmValidator>(LLM_VALIDATOR, { strict: false }).validate({ idea: buildTradeIdea(), passages: PASSAGES, minConfidence: 0.7 });
    expect(v).toMatchObject({ passed: true, promptName: 'icici-futures-validation', promptVersion: 1 });
    const prompt = await s.dataSource.getRepository(LlmPrompt).findOneByOrFail({ name: 'icici-futures-validation', version: 1 });
    const stored = (await s.dataSource.getRepository(LlmValidation).find({ order: { id: 'DESC' }, take: 1 }))[0];
    expect(stored.promptId).toBe(prompt.id);
  });
});
