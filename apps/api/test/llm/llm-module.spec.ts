import { join } from 'node:path';
import type { KnowledgeStore } from '@mcube/domain';
import { buildTradeIdea, FakeOllamaServer, ollamaChatBody, ollamaError, PASSAGES } from '@mcube/llm/testing';
import { startChromaServer, type ChromaTestServer } from '@mcube/testing';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { LlmValidation } from '../../src/modules/llm/entities/llm-validation.entity';
import { knowledgeStoreFor, validatorFor } from '../../src/modules/llm/llm-providers';
import { RecordingValidator } from '../../src/modules/llm/recording-validator';
import { createTestDatabase, type TestDatabase } from '../db/test-database';

const MODEL = 'llama3.1:8b';
const verdict = (over: Record<string, unknown> = {}) => JSON.stringify({ verdict: 'APPROVE', confidence: 0.82, direction: 'LONG', reasons: ['OI and sector agree'], risks: [], counterpoints: [], ...over });
const configOf = (env: Record<string, string>, sqlitePath = ':memory:'): AppConfig => loadConfig({ NODE_ENV: 'test', SQLITE_PATH: sqlitePath, ...env });

describe('the llm module chooses the validator from the configuration', () => {
  it('is the rules validator by default (no Ollama, no Chroma): labelled, deterministic', async () => {
    const config = configOf({});
    expect(config.llm).toMatchObject({ mode: 'rules' });
    const v = validatorFor(config);
    expect(v.label).toBe('rules validator — no LLM configured');
    const a = await v.validate({ idea: buildTradeIdea(), passages: PASSAGES, minConfidence: 0.7 });
    expect(await v.validate({ idea: buildTradeIdea(), passages: PASSAGES, minConfidence: 0.7 })).toMatchObject({ passed: a.passed, rejectCode: a.rejectCode, verdict: a.verdict });
  });

  it('refuses a malformed OLLAMA_URL or MCUBE_LLM at boot, naming the variable', () => {
    expect(() => configOf({ OLLAMA_URL: 'localhost:11434' })).toThrow(/OLLAMA_URL/);
    expect(() => configOf({ MCUBE_LLM: 'gpt' })).toThrow(/MCUBE_LLM/);
    expect(() => configOf({ CHROMA_URL: 'ftp://x' })).toThrow(/CHROMA_URL/);
  });

  describe('OLLAMA_URL set: Ollama through the real ollama client, fail-closed, every call stored', () => {
    const server = new FakeOllamaServer();
    let db: TestDatabase;
    let ds: DataSource;
    let validator: RecordingValidator;
    beforeAll(async () => {
      await server.start();
      db = await createTestDatabase('sqlite');
      ds = await db.openMigrated();
      const config = configOf({ OLLAMA_URL: server.url, MCUBE_LLM_TIMEOUT_MS: '1000' });
      expect(config.llm).toMatchObject({ mode: 'ollama', model: MODEL, timeoutMs: 1000 });
      validator = new RecordingValidator(validatorFor(config), ds);
    });
    afterAll(async () => {
      await server.stop();
      await db.dispose();
    });
    const validate = () => validator.validate({ idea: buildTradeIdea(), passages: PASSAGES, minConfidence: 0.7 });
    const stored = () => ds.getRepository(LlmValidation).find({ order: { id: 'DESC' }, take: 1 }).then((r) => r[0]);

    it('passes a sound APPROVE and stores prompt version, model, inputs hash, raw answer, verdict and tokens', async () => {
      server.replyToChat({ json: ollamaChatBody(verdict(), { promptTokens: 900, completionTokens: 80 }) });
      const v = await validate();
      expect(v).toMatchObject({ passed: true, validatorKind: 'OLLAMA', label: `Ollama ${MODEL}` });
      const row = await stored();
      expect(row).toMatchObject({ approved: true, status: 'COMPLETED', confidence: 0.82, responseText: verdict(), direction: 'LONG' });
      expect(row.inputs).toMatchObject({ promptName: 'icici-futures-validation', promptVersion: 1, inputsHash: v.inputsHash, promptTokens: 900, completionTokens: 80 });
    });

    it.each([
      ['a timeout', { delayMs: 3_000, json: ollamaChatBody(verdict()) }, 'TIMED_OUT'],
      ['a 500', ollamaError(500, 'model runner crashed'), 'FAILED'],
      ['malformed JSON', { raw: '{"message": {"content": "APPROVE!!', contentType: 'application/json' }, 'FAILED'],
      ['an answer off the schema', { json: ollamaChatBody(JSON.stringify({ verdict: 'MAYBE', confidence: 2 })) }, 'FAILED'],
      ['a low confidence', { json: ollamaChatBody(verdict({ confidence: 0.55 })) }, 'COMPLETED'],
      ['the other direction', { json: ollamaChatBody(verdict({ direction: 'SHORT' })) }, 'COMPLETED'],
    ])('rejects the candidate on %s (never approves by default) and stores why', async (_name, reply, status) => {
      server.replyToChat(reply);
      const v = await validate();
      expect(v.passed).toBe(false);
      expect(v.rejectCode).not.toBeNull();
      const row = await stored();
      expect(row).toMatchObject({ approved: false, status, errorMessage: v.rejectCode });
    }, 15_000);
  });
});

/** The knowledge store the configuration picks, with the same cases on both. */
function storeCases(name: string, open: () => Promise<{ store: KnowledgeStore; kind: string }>) {
  describe(`${name}`, () => {
    let store: KnowledgeStore;
    let kind: string;
    beforeAll(async () => {
      ({ store, kind } = await open());
      const at = 1_764_000_000_000;
      await store.upsert({ id: 'rule-averaging', text: 'Futures averaging: at most two attempts, one percent against the average; a person approves every averaging order.', source: { kind: 'DECISION', ref: 'DECISIONS.md §1', title: 'Futures averaging' }, tags: ['futures'], createdAtMs: at });
      await store.upsert({ id: 'note-1', text: 'Strangle: close short options at 15:15 on expiry day.', source: { kind: 'NOTE', ref: 'note 1' }, tags: ['strangle'], createdAtMs: at });
    }, 300_000);

    it('is the adapter the configuration names, and retrieves the relevant passage first with its source', async () => {
      expect(store.kind).toBe(kind);
      const hits = await store.search({ text: 'how many averaging attempts on a futures position', limit: 2 });
      expect(hits[0].document).toMatchObject({ id: 'rule-averaging', source: { ref: 'DECISIONS.md §1' } });
      expect(await store.search({ text: 'zebra giraffe', limit: 2 })).toEqual([]);
    });
  });
}

describe('the llm module chooses the knowledge store from the configuration', () => {
  let db: TestDatabase;
  let chroma: ChromaTestServer;
  afterAll(async () => {
    await db?.dispose();
    await chroma?.stop();
  });

  storeCases('FTS5 by default, in the application SQLite file', async () => {
    db = await createTestDatabase('sqlite');
    await db.openMigrated();
    const path = db.database.type === 'sqlite' ? db.database.path : join(__dirname, 'unused');
    return { store: knowledgeStoreFor(configOf({}, path)), kind: 'FTS5' };
  });

  storeCases('Chroma when CHROMA_URL is set (a real Chroma server)', async () => {
    chroma = await startChromaServer();
    return { store: knowledgeStoreFor(configOf({ CHROMA_URL: chroma.url })), kind: 'CHROMA' };
  });
});
