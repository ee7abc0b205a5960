import { inspect } from 'node:util';
import type { Clock } from '@mcube/domain';
import { brokerErrorOfEnvelope, brokerErrorOfHttpStatus, brokerErrorOfTransport, malformedResponse } from '../errors/breeze-error-map';
import { BreezeParseError } from '../errors/breeze-parse-error';
import type { BreezeCredentials, IciciBreezeHosts } from '../icici-breeze.config';
import { parseBreezeEnvelope } from '../parse/breeze-envelope';
import type { BreezeSession } from '../session/breeze-session';
import { breezeSignedHeaders } from './breeze-checksum';
import { breezeJson } from './breeze-json';
import { BreezeTransport, BreezeTransportError, type BreezeHttpRequest, type BreezeHttpResponse } from './breeze-transport';

export type BreezeMethod = BreezeHttpRequest['method'];

/** How one call is made and named in errors. */
export interface BreezeCallOptions {
  /** Names the call in error messages, e.g. 'place order'. */
  readonly what: string;
  readonly timeoutMs: number;
  /** A list endpoint: Breeze's "No Data Found" means an empty list, not a failure. */
  readonly noDataIsEmpty?: boolean;
}

/**
 * The Breeze wire: signs v1 calls, sends the signed bytes unchanged (GET included), reads the
 * envelope and turns every failure into a BrokerError. Sends each request exactly once; the
 * only retry in this library is of reads, by the caller. Never logs, never puts a secret in
 * an error message.
 */
export class BreezeHttpClient {
  private readonly transport: BreezeTransport;

  constructor(
    private readonly deps: { readonly hosts: IciciBreezeHosts; readonly credentials: BreezeCredentials; readonly clock: Clock; readonly transport?: BreezeTransport },
  ) {
    this.transport = deps.transport ?? new BreezeTransport();
  }

  /** The app key the session belongs to. */
  get appKey(): string {
    return this.deps.credentials.appKey;
  }

  /** GET customerdetails with `{SessionToken, AppKey}` (unsigned, as the SDK does); returns `Success`. */
  customerDetails(apiSession: string): Promise<unknown> {
    const body = breezeJson({ SessionToken: apiSession, AppKey: this.deps.credentials.appKey });
    const url = new URL('customerdetails', this.deps.hosts.apiUrl);
    return this.exchange({ method: 'GET', url, headers: { 'Content-Type': 'application/json' }, body, timeoutMs: this.deps.hosts.timeouts.sessionMs }, { what: 'session exchange', timeoutMs: this.deps.hosts.timeouts.sessionMs });
  }

  /** A signed v1 call; `body` is serialised once, hashed and sent as those very bytes. Returns `Success`. */
  signed(method: BreezeMethod, endpoint: string, body: Readonly<Record<string, unknown>>, session: BreezeSession, options: BreezeCallOptions): Promise<unknown> {
    const text = breezeJson(body);
    const headers = breezeSignedHeaders({ nowMs: this.deps.clock.nowMs(), body: text, credentials: this.deps.credentials, sessionToken: session.sessionToken });
    const url = new URL(endpoint, this.deps.hosts.apiUrl);
    return this.exchange({ method, url, headers, body: text, timeoutMs: options.timeoutMs }, options);
  }

  /** A v2 GET with query parameters and `X-SessionToken` + `apikey` headers (no checksum). Returns `Success`. */
  v2(endpoint: string, query: Readonly<Record<string, string>>, session: BreezeSession, options: BreezeCallOptions): Promise<unknown> {
    const url = new URL(endpoint, this.deps.hosts.v2Url);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const headers = { 'Content-Type': 'application/json', 'X-SessionToken': session.sessionToken, apikey: this.deps.credentials.appKey };
    return this.exchange({ method: 'GET', url, headers, timeoutMs: options.timeoutMs }, options);
  }

  /** Downloads a file (the security master zip). Non-2xx → BrokerError. */
  async download(url: string, what: string): Promise<Buffer> {
    const res = await this.send({ method: 'GET', url: new URL(url), headers: {}, timeoutMs: this.deps.hosts.timeouts.bulkMs }, what);
    if (res.status < 200 || res.status >= 300) throw brokerErrorOfHttpStatus(what, res.status, header(res, 'retry-after'));
    return res.body;
  }

  /** What logging this object shows: the host, never the keys. */
  toJSON(): { readonly apiUrl: string } {
    return { apiUrl: this.deps.hosts.apiUrl };
  }

  [inspect.custom](): string {
    return `BreezeHttpClient(${this.deps.hosts.apiUrl})`;
  }

  /** Drops kept-alive connections. */
  close(): void {
    this.transport.close();
  }

  private async exchange(request: BreezeHttpRequest, options: BreezeCallOptions): Promise<unknown> {
    const res = await this.send(request, options.what);
    if (res.status === 429 || res.status >= 500 || res.status === 401 || res.status === 403) throw brokerErrorOfHttpStatus(options.what, res.status, header(res, 'retry-after'));
    let json: unknown;
    try {
      json = JSON.parse(res.body.toString('utf8'));
    } catch {
      if (res.status < 200 || res.status >= 300) throw brokerErrorOfHttpStatus(options.what, res.status, undefined);
      // Not JSON.parse's own message: it quotes the start of the body, which may hold a token.
      throw malformedResponse(options.what, new Error(`answer is not JSON (${res.body.length} bytes)`));
    }
    let envelope;
    try {
      envelope = parseBreezeEnvelope(json);
    } catch (e) {
      if (res.status < 200 || res.status >= 300) throw brokerErrorOfHttpStatus(options.what, res.status, undefined);
      throw malformedResponse(options.what, e as BreezeParseError);
    }
    if (envelope.ok) return envelope.success;
    if (options.noDataIsEmpty && /^no data found\.?$/i.test(envelope.error.trim())) return null;
    throw brokerErrorOfEnvelope(options.what, envelope.error, envelope.status);
  }

  private async send(request: BreezeHttpRequest, what: string): Promise<BreezeHttpResponse> {
    try {
      return await this.transport.send(request);
    } catch (e) {
      if (e instanceof BreezeTransportError) throw brokerErrorOfTransport(what, e);
      throw e;
    }
  }
}

function header(res: BreezeHttpResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
