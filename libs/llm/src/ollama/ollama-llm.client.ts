import { BrokerError, type LlmPort, type LlmRequest, type LlmResponse } from '@mcube/domain';
import { Ollama } from 'ollama';

/** Settings of the Ollama adapter. */
export interface OllamaLlmOptions {
  /** `OLLAMA_HOST`; default http://127.0.0.1:11434. */
  readonly host?: string;
  /** The chat model (`MCUBE_LLM_MODEL`), e.g. 'llama3.1:8b'. */
  readonly model: string;
  /** The embedding model for the knowledge store (default: the chat model). */
  readonly embedModel?: string;
  /** Per-call timeout when the request names none; default 60 s. */
  readonly timeoutMs?: number;
  /** How long Ollama keeps the model loaded after a call (its `keep_alive`), e.g. '10m'. */
  readonly keepAlive?: string;
}

/** Where a failed call ended, in `BrokerError.details.brokerCode`: TIMEOUT, UNAVAILABLE, HTTP_<status>, MALFORMED_BODY. */
export type OllamaFailure = 'TIMEOUT' | 'UNAVAILABLE' | `HTTP_${number}` | 'MALFORMED_BODY';

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

function failure(e: unknown): BrokerError {
  if (e instanceof BrokerError) return e;
  const err = e as { name?: string; message?: string; status_code?: number; cause?: { code?: string } };
  const message = err?.message ?? String(e);
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return new BrokerError('TEMPORARY', `Ollama did not answer in time: ${message}`, { brokerCode: 'TIMEOUT', cause: e });
  if (err?.name === 'ResponseError' && typeof err.status_code === 'number') {
    const kind = err.status_code === 429 ? 'RATE_LIMITED' : err.status_code >= 500 ? 'TEMPORARY' : 'REJECTED';
    return new BrokerError(kind, `Ollama answered ${err.status_code}: ${message}`, { brokerCode: `HTTP_${err.status_code}`, cause: e });
  }
  // By name: the error may come from another realm (a test runner's VM), where instanceof fails.
  if (err?.name === 'SyntaxError') return new BrokerError('UNKNOWN', `Ollama sent a body that is not JSON: ${message}`, { brokerCode: 'MALFORMED_BODY', cause: e });
  return new BrokerError('TEMPORARY', `Ollama is unreachable: ${message}${err?.cause?.code ? ` (${err.cause.code})` : ''}`, { brokerCode: 'UNAVAILABLE', cause: e });
}

/**
 * The local language model behind the domain's `LlmPort`, through the `ollama` npm client:
 * `generate` is one `/api/chat` call with `stream: false` (system + user messages, temperature,
 * `num_predict`, and `format` = the JSON schema when one is asked for); `embed` is `/api/embed`.
 * Every call has a timeout. Failures reject with a `BrokerError` whose `details.brokerCode` says
 * where it ended (`OllamaFailure`); the answer text is returned as is (callers validate it).
 */
export class OllamaLlmClient implements LlmPort {
  readonly host: string;
  readonly model: string;
  private readonly embedModel: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: OllamaLlmOptions) {
    this.host = options.host ?? DEFAULT_OLLAMA_HOST;
    this.model = options.model;
    this.embedModel = options.embedModel ?? options.model;
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  private client(timeoutMs: number): Ollama {
    const timedFetch: typeof fetch = (input, init) => {
      const timeout = AbortSignal.timeout(timeoutMs);
      return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
    };
    return new Ollama({ host: this.host, fetch: timedFetch });
  }

  async generate(request: LlmRequest): Promise<LlmResponse> {
    try {
      const messages = [...(request.system ? [{ role: 'system', content: request.system }] : []), { role: 'user', content: request.prompt }];
      const res = await this.client(request.timeoutMs ?? this.timeoutMs).chat({
        model: this.model,
        messages,
        stream: false,
        format: request.jsonSchema ? (request.jsonSchema as Record<string, unknown>) : undefined,
        keep_alive: this.options.keepAlive,
        options: { temperature: request.temperature ?? 0, ...(request.maxTokens ? { num_predict: request.maxTokens } : {}) },
      });
      const text = res?.message?.content;
      if (typeof text !== 'string') throw new BrokerError('UNKNOWN', 'Ollama answered without message.content', { brokerCode: 'MALFORMED_BODY' });
      return { text, model: typeof res.model === 'string' ? res.model : this.model, promptTokens: res.prompt_eval_count, completionTokens: res.eval_count };
    } catch (e) {
      throw failure(e);
    }
  }

  async embed(texts: readonly string[]): Promise<readonly (readonly number[])[]> {
    try {
      const res = await this.client(this.timeoutMs).embed({ model: this.embedModel, input: [...texts], keep_alive: this.options.keepAlive });
      const vectors = res?.embeddings;
      const ok = Array.isArray(vectors) && vectors.length === texts.length && vectors.every((v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && Number.isFinite(x)));
      if (!ok) throw new BrokerError('UNKNOWN', `Ollama /api/embed returned ${Array.isArray(vectors) ? vectors.length : 'no'} valid vectors for ${texts.length} texts`, { brokerCode: 'MALFORMED_BODY' });
      return vectors;
    } catch (e) {
      throw failure(e);
    }
  }
}
