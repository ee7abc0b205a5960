import * as http from 'node:http';
import * as https from 'node:https';

/** One HTTP exchange as the Neo client needs it. */
export interface NeoHttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The whole exchange (connect, send, answer) must end within this; then the socket is destroyed. */
  readonly timeoutMs: number;
  /** Answers longer than this fail (TOO_LARGE): a broker never needs to send us more. */
  readonly maxResponseBytes: number;
}

/** A complete answer: status, headers (lower-case names) and the body as UTF-8 text. */
export interface NeoHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

/** Why no answer came: TIMEOUT and NETWORK leave the outcome of a write unknown. */
export class NeoTransportError extends Error {
  constructor(
    readonly failure: 'TIMEOUT' | 'NETWORK' | 'TOO_LARGE',
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'NeoTransportError';
  }
}

/** The transport seam: the client below, or a test double. */
export interface NeoHttp {
  request(request: NeoHttpRequest): Promise<NeoHttpResponse>;
  /** Frees pooled sockets. */
  close(): void;
}

/**
 * A thin HTTP/1.1 client over Node's http/https with keep-alive pools, a deadline per call
 * and a size cap. No retries, no redirects (a broker answer that redirects is a failure).
 * Logs nothing: headers carry tokens.
 */
export class NodeNeoHttp implements NeoHttp {
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 8 });

  request(request: NeoHttpRequest): Promise<NeoHttpResponse> {
    return this.attempt(request, Date.now() + request.timeoutMs, false);
  }

  /**
   * One exchange. A keep-alive socket the server had already closed while it sat idle fails
   * with ECONNRESET before any answer (Node's `reusedSocket` case): the request never reached
   * the server, so it is sent once more on a new connection, within the same deadline.
   */
  private attempt(request: NeoHttpRequest, deadlineAtMs: number, retried: boolean): Promise<NeoHttpResponse> {
    return new Promise<NeoHttpResponse>((resolve, reject) => {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch (error) {
        reject(new NeoTransportError('NETWORK', 'invalid URL', error));
        return;
      }
      const secure = url.protocol === 'https:';
      const headers: Record<string, string | number> = { ...request.headers, accept: request.headers['accept'] ?? 'application/json' };
      if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
      let settled = false;
      const finish = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        fn();
      };
      let answered = false;
      const req = (secure ? https : http).request(url, { method: request.method, headers, agent: secure ? this.httpsAgent : this.httpAgent }, (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > request.maxResponseBytes) {
            finish(() => reject(new NeoTransportError('TOO_LARGE', `answer larger than ${request.maxResponseBytes} bytes`)));
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => finish(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') })));
        res.on('error', (error) => finish(() => reject(new NeoTransportError('NETWORK', 'connection broke while reading the answer', error))));
        res.on('aborted', () => finish(() => reject(new NeoTransportError('NETWORK', 'answer aborted'))));
      });
      const deadline = setTimeout(() => {
        finish(() => reject(new NeoTransportError('TIMEOUT', `no complete answer within ${request.timeoutMs} ms`)));
        req.destroy();
      }, Math.max(1, deadlineAtMs - Date.now()));
      req.on('error', (error) => {
        const staleSocket = !answered && !retried && req.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET';
        if (staleSocket && Date.now() < deadlineAtMs) return finish(() => resolve(this.attempt(request, deadlineAtMs, true)));
        finish(() => reject(new NeoTransportError('NETWORK', `request failed: ${(error as NodeJS.ErrnoException).code ?? error.message}`, error)));
      });
      if (request.body !== undefined) req.write(request.body);
      req.end();
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
