import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { HashingEmbedder } from '../knowledge/embedders';

/** What the fake answers one request with. `raw` is sent as the body verbatim (malformed bodies). */
export interface FakeOllamaReply {
  readonly status?: number;
  readonly json?: unknown;
  readonly raw?: string;
  readonly contentType?: string;
  /** Wait before answering (timeouts). */
  readonly delayMs?: number;
}

/** One request the fake received. */
export interface FakeOllamaRequest {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

const NS = 1_000_000;

/**
 * The body real Ollama sends for a non-streaming `/api/chat` (`"stream": false`): the whole
 * assistant message, `done: true`, `done_reason`, durations in nanoseconds and token counts.
 */
export function ollamaChatBody(content: string, opts: { model?: string; promptTokens?: number; completionTokens?: number } = {}): Record<string, unknown> {
  return {
    model: opts.model ?? 'llama3.1:8b',
    created_at: '2026-12-01T04:30:00.123456789Z',
    message: { role: 'assistant', content },
    done_reason: 'stop',
    done: true,
    total_duration: 4_900 * NS,
    load_duration: 12 * NS,
    prompt_eval_count: opts.promptTokens ?? 812,
    prompt_eval_duration: 1_100 * NS,
    eval_count: opts.completionTokens ?? 96,
    eval_duration: 3_700 * NS,
  };
}

/** Real Ollama's error body: `{"error": "..."}` as application/json. */
export function ollamaError(status: number, error: string): FakeOllamaReply {
  return { status, json: { error } };
}

/**
 * A local HTTP server speaking Ollama's `/api/chat` and `/api/embed` wire format, for tests
 * driven by the real `ollama` client. Chat answers come from a queue of scripted replies (or
 * a default); `stream` true/absent gets NDJSON chunks as Ollama streams them, `false` one body.
 * `/api/embed` answers `{ model, embeddings, total_duration, load_duration, prompt_eval_count }`
 * with hashing vectors of the inputs (so vector search over them is meaningful), unless a reply
 * is queued for it. Every request is recorded.
 */
export class FakeOllamaServer {
  readonly requests: FakeOllamaRequest[] = [];
  private readonly chatQueue: FakeOllamaReply[] = [];
  private readonly embedQueue: FakeOllamaReply[] = [];
  private chatResponder: ((request: FakeOllamaRequest, index: number) => FakeOllamaReply) | null = null;
  private chatCount = 0;
  private server: Server | null = null;
  private readonly embedder = new HashingEmbedder(1024);
  private readonly timers = new Set<NodeJS.Timeout>();
  url = '';

  /** Queues the reply to the next `/api/chat`. */
  replyToChat(reply: FakeOllamaReply): void {
    this.chatQueue.push(reply);
  }

  /**
   * Answers every `/api/chat` the queue has no reply for by `responder` (given the request and
   * its 0-based index among chat requests), e.g. a verdict on the proposed direction read from
   * the prompt, or a scripted failure on the n-th call.
   */
  answerChatWith(responder: (request: FakeOllamaRequest, index: number) => FakeOllamaReply): void {
    this.chatResponder = responder;
  }

  /** Queues the reply to the next `/api/embed`. */
  replyToEmbed(reply: FakeOllamaReply): void {
    this.embedQueue.push(reply);
  }

  /** Listens on 127.0.0.1:`port` (default: one the OS picks). */
  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok) => (this.server as Server).listen(port, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    s.closeAllConnections();
    await new Promise((ok) => s.close(ok));
    this.server = null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      return this.send(res, ollamaError(400, 'invalid JSON body'));
    }
    const path = (req.url ?? '').split('?')[0];
    const recorded = { path, body };
    this.requests.push(recorded);
    if (req.method !== 'POST') return this.send(res, ollamaError(405, 'method not allowed'));
    if (path === '/api/chat') {
      const index = this.chatCount++;
      const reply = this.chatQueue.shift() ?? this.chatResponder?.(recorded, index) ?? { json: ollamaChatBody('{}') };
      if (reply.delayMs) await this.wait(reply.delayMs);
      if (body['stream'] !== false && reply.json && (reply.status ?? 200) === 200) return this.stream(res, reply.json as Record<string, unknown>);
      return this.send(res, reply);
    }
    if (path === '/api/embed') {
      const reply = this.embedQueue.shift();
      if (reply) {
        if (reply.delayMs) await this.wait(reply.delayMs);
        return this.send(res, reply);
      }
      const input = body['input'];
      const texts = Array.isArray(input) ? input.map(String) : [String(input ?? '')];
      return this.send(res, { json: { model: body['model'], embeddings: texts.map((t) => this.embedder.vector(t)), total_duration: 14 * NS, load_duration: 1 * NS, prompt_eval_count: texts.length * 8 } });
    }
    return this.send(res, ollamaError(404, `404 page not found`));
  }

  private wait(ms: number): Promise<void> {
    return new Promise((ok) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        ok();
      }, ms);
      this.timers.add(t);
    });
  }

  private send(res: ServerResponse, reply: FakeOllamaReply): void {
    if (res.destroyed) return;
    const text = reply.raw ?? JSON.stringify(reply.json ?? {});
    res.writeHead(reply.status ?? 200, { 'Content-Type': reply.contentType ?? 'application/json; charset=utf-8' });
    res.end(text);
  }

  /** Ollama's streaming form: one JSON object per line, content split in pieces, the last with done and the counts. */
  private stream(res: ServerResponse, full: Record<string, unknown>): void {
    const message = full['message'] as { role: string; content: string };
    const head = { model: full['model'], created_at: full['created_at'] };
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    const pieces = message.content.match(/.{1,16}/gs) ?? [];
    for (const p of pieces) res.write(`${JSON.stringify({ ...head, message: { role: 'assistant', content: p }, done: false })}\n`);
    const rest = Object.fromEntries(Object.entries(full).filter(([k]) => k !== 'message'));
    res.end(`${JSON.stringify({ ...rest, message: { role: 'assistant', content: '' } })}\n`);
  }
}
