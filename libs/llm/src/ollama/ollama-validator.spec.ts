import { BrokerError } from '@mcube/domain';
import { Ollama } from 'ollama';
import { freePort } from '@mcube/testing';
import { FakeOllamaServer, ollamaChatBody, ollamaError } from '../testing/fake-ollama.server';
import { buildTradeIdea, PASSAGES } from '../testing/trade-idea.fixture';
import { VERDICT_JSON_SCHEMA } from '../verdict/verdict-schema';
import { ModelTradeValidator } from './model-trade-validator';
import { OllamaLlmClient } from './ollama-llm.client';

const MODEL = 'llama3.1:8b';
const verdict = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ verdict: 'APPROVE', confidence: 0.82, direction: 'LONG', reasons: ['OI and sector agree'], risks: ['results next week'], counterpoints: ['RSI above 60'], ...over });

describe('the Ollama validator through the real ollama client against a local Ollama wire-format server', () => {
  const server = new FakeOllamaServer();
  let validator: ModelTradeValidator;
  beforeAll(async () => {
    await server.start();
    // A generous timeout: on a loaded CI machine a 400 ms one expired before the fake server
    // answered, and the late answer was then read by the next test. The timeout test has its own.
    validator = new ModelTradeValidator({ llm: new OllamaLlmClient({ host: server.url, model: MODEL, timeoutMs: 10_000 }), model: MODEL, timeoutMs: 10_000 });
  });
  afterAll(() => server.stop());
  const validate = (idea = buildTradeIdea()) => validator.validate({ idea, passages: PASSAGES, minConfidence: 0.7 });

  it('asks /api/chat for JSON of the verdict schema at temperature 0 with the idea and the passages, and passes a sound APPROVE', async () => {
    server.replyToChat({ json: ollamaChatBody(verdict(), { promptTokens: 900, completionTokens: 80 }) });
    const before = server.requests.length;
    const v = await validate();
    expect(v).toMatchObject({ passed: true, rejectCode: null, status: 'COMPLETED', validatorKind: 'OLLAMA', label: `Ollama ${MODEL}`, model: MODEL, promptName: 'icici-futures-validation', promptVersion: 1, promptTokens: 900, completionTokens: 80, minConfidence: 0.7 });
    expect(v.verdict).toMatchObject({ verdict: 'APPROVE', confidence: 0.82, direction: 'LONG', reasons: ['OI and sector agree'] });
    expect(v.rawAnswer).toBe(verdict());
    expect(v.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(v.latencyMs).toBeGreaterThanOrEqual(0);
    expect(v.passages).toEqual(PASSAGES);
    const req = server.requests[before];
    expect(req.path).toBe('/api/chat');
    expect(req.body).toMatchObject({ model: MODEL, stream: false, format: VERDICT_JSON_SCHEMA, options: { temperature: 0 } });
    const messages = req.body['messages'] as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[1].content).toContain('"underlying": "INFY"');
    expect(messages[1].content).toContain('RULE mcube-design.md §6 — Sector analysis');
    expect(messages[1].content).toContain('TRADE position 41');
  });

  it.each([
    ['a confidence below the minimum', verdict({ confidence: 0.69 }), 'LOW_CONFIDENCE', 'COMPLETED'],
    ['an APPROVE of the other direction', verdict({ direction: 'SHORT' }), 'DIRECTION_CONTRADICTION', 'COMPLETED'],
    ['a REJECT', verdict({ verdict: 'REJECT', confidence: 0.9, reasons: ['results week'] }), 'MODEL_REJECTED', 'COMPLETED'],
    ['prose around the JSON', `Sure! Here is my review:\n${verdict()}`, 'MALFORMED_JSON', 'FAILED'],
    ['JSON cut off', verdict().slice(0, 40), 'MALFORMED_JSON', 'FAILED'],
    ['a missing key', JSON.stringify({ verdict: 'APPROVE', confidence: 0.9, direction: 'LONG', reasons: ['x'], risks: [] }), 'SCHEMA_VIOLATION', 'FAILED'],
    ['a confidence of 85 (percent, not 0..1)', verdict({ confidence: 85 }), 'SCHEMA_VIOLATION', 'FAILED'],
    ['an unknown verdict', verdict({ verdict: 'MAYBE' }), 'SCHEMA_VIOLATION', 'FAILED'],
    ['an extra key', verdict({ size: 'double it' }), 'SCHEMA_VIOLATION', 'FAILED'],
    ['no reasons', verdict({ reasons: [] }), 'SCHEMA_VIOLATION', 'FAILED'],
  ])('rejects %s with the reason and the raw answer stored', async (_name, content, code, status) => {
    server.replyToChat({ json: ollamaChatBody(content) });
    const v = await validate();
    expect(v).toMatchObject({ passed: false, rejectCode: code, status, rawAnswer: content });
    expect(v.reason.length).toBeGreaterThan(10);
  });

  it.each([
    ['a 500', ollamaError(500, 'llama runner process has terminated: signal: killed'), 'SERVER_ERROR', /500.*llama runner/],
    ['a 503', ollamaError(503, 'server busy, please try again.  maximum pending requests exceeded'), 'SERVER_ERROR', /503/],
    ['a 404 for an unknown model', ollamaError(404, `model "${MODEL}" not found, try pulling it first`), 'REQUEST_REFUSED', /not found/],
    ['a 200 whose body is not JSON', { raw: '{"model":"llama3.1:8b","message":{"role":"assist' }, 'MALFORMED_JSON', /not JSON/],
    ['a 200 without a message', { json: { model: MODEL, done: true } }, 'MALFORMED_JSON', /message.content/],
  ])('rejects %s from the server without a verdict', async (_name, reply, code, reason) => {
    server.replyToChat(reply);
    const v = await validate();
    expect(v).toMatchObject({ passed: false, rejectCode: code, status: 'FAILED', verdict: null, rawAnswer: null, promptTokens: null });
    expect(v.reason).toMatch(reason);
  });

  it('times out a server that does not answer, as TIMED_OUT, never approved', async () => {
    server.replyToChat({ json: ollamaChatBody(verdict()), delayMs: 3_000 });
    const impatient = new ModelTradeValidator({ llm: new OllamaLlmClient({ host: server.url, model: MODEL, timeoutMs: 400 }), model: MODEL, timeoutMs: 400 });
    const v = await impatient.validate({ idea: buildTradeIdea(), passages: PASSAGES, minConfidence: 0.7 });
    expect(v).toMatchObject({ passed: false, rejectCode: 'TIMEOUT', status: 'TIMED_OUT', verdict: null });
    expect(v.latencyMs).toBeLessThan(2_500);
  });

  it('reports a server that is not there as UNAVAILABLE', async () => {
    const port = await freePort();
    const v = await new ModelTradeValidator({ llm: new OllamaLlmClient({ host: `http://127.0.0.1:${port}`, model: MODEL, timeoutMs: 2_000 }), model: MODEL }).validate({
      idea: buildTradeIdea(),
      passages: [],
      minConfidence: 0.7,
    });
    expect(v).toMatchObject({ passed: false, rejectCode: 'UNAVAILABLE', status: 'FAILED' });
  });

  it('hashes the inputs: the same idea and passages give the same hash, other passages another', async () => {
    server.replyToChat({ json: ollamaChatBody(verdict()) });
    server.replyToChat({ json: ollamaChatBody(verdict()) });
    server.replyToChat({ json: ollamaChatBody(verdict()) });
    const a = await validate();
    const b = await validate();
    const c = await validator.validate({ idea: buildTradeIdea(), passages: PASSAGES.slice(0, 1), minConfidence: 0.7 });
    expect(a.inputsHash).toBe(b.inputsHash);
    expect(c.inputsHash).not.toBe(a.inputsHash);
  });
});

describe('the fake server speaks what the ollama client reads', () => {
  const server = new FakeOllamaServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('streams NDJSON chunks when stream is not false, which the client reassembles', async () => {
    server.replyToChat({ json: ollamaChatBody(verdict()) });
    const parts: string[] = [];
    for await (const chunk of await new Ollama({ host: server.url }).chat({ model: MODEL, messages: [{ role: 'user', content: 'hi' }], stream: true })) parts.push(chunk.message.content);
    expect(parts.join('')).toBe(verdict());
    expect(parts.length).toBeGreaterThan(2);
  });

  it('answers /api/embed with one vector per input, which the adapter returns', async () => {
    const client = new OllamaLlmClient({ host: server.url, model: MODEL, embedModel: 'nomic-embed-text' });
    const vectors = await client.embed(['stop loss discipline', 'sector trend']);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(1024);
    expect(server.requests.at(-1)).toMatchObject({ path: '/api/embed', body: { model: 'nomic-embed-text', input: ['stop loss discipline', 'sector trend'] } });
  });

  it('rejects an /api/embed answer with the wrong number of vectors as a malformed body', async () => {
    server.replyToEmbed({ json: { model: 'nomic-embed-text', embeddings: [[0.1, 0.2]] } });
    const client = new OllamaLlmClient({ host: server.url, model: MODEL });
    const err = await client.embed(['a', 'b']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BrokerError);
    expect((err as BrokerError).details.brokerCode).toBe('MALFORMED_BODY');
  });
});
