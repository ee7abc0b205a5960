import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** One HTTP exchange. `body` is sent as given (a GET may carry one: Breeze expects it). */
export interface BreezeHttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

export interface BreezeHttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * Why an exchange failed below HTTP. NOT_SENT: the connection never opened (nothing reached
 * the broker). AFTER_SEND: the request left (whole or in part) and no complete answer came
 * back in time: the broker may have acted on it. TOO_LARGE: the answer exceeded the cap.
 */
export class BreezeTransportError extends Error {
  constructor(
    readonly phase: 'NOT_SENT' | 'AFTER_SEND' | 'TOO_LARGE',
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'BreezeTransportError';
  }
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * Sends requests with `node:http(s)` (Node's fetch refuses a body on GET). Keeps connections
 * alive per protocol; `close()` drops them. The deadline covers the whole exchange.
 */
export class BreezeTransport {
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 8 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 8 });

  send(request: BreezeHttpRequest): Promise<BreezeHttpResponse> {
    const secure = request.url.protocol === 'https:';
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const headers: Record<string, string> = { ...request.headers, Accept: 'application/json' };
    if (body) headers['Content-Length'] = String(body.length);
    return new Promise((resolve, reject) => {
      let sent = false;
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const req = (secure ? httpsRequest : httpRequest)(request.url, { method: request.method, headers, agent: secure ? this.httpsAgent : this.httpAgent }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            finish(() => reject(new BreezeTransportError('TOO_LARGE', `answer larger than ${MAX_BODY_BYTES} bytes`)));
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => finish(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })));
        res.on('error', (e) => finish(() => reject(new BreezeTransportError('AFTER_SEND', `answer broken off: ${e.message}`, codeOf(e)))));
      });
      req.on('socket', (socket) => {
        if (!socket.connecting) sent = true;
        else socket.once('connect', () => (sent = true));
      });
      req.on('error', (e) => {
        const phase = sent ? 'AFTER_SEND' : 'NOT_SENT';
        finish(() => reject(new BreezeTransportError(phase, `${request.method} ${request.url.pathname} failed: ${e.message}`, codeOf(e))));
      });
      const timer = setTimeout(() => {
        const phase = sent ? 'AFTER_SEND' : 'NOT_SENT';
        finish(() => reject(new BreezeTransportError(phase, `${request.method} ${request.url.pathname} timed out after ${request.timeoutMs} ms`, 'TIMEOUT')));
        req.destroy();
      }, request.timeoutMs);
      req.end(body);
    });
  }

  /** Closes idle kept-alive connections (call on shutdown and after tests). */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
