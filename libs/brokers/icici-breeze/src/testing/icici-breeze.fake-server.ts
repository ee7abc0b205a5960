import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseSecurityMaster } from '../instruments/parse-security-master';
import { FakeBreezeBook } from './fake/fake-breeze-book';
import { FakeBreezeFaults } from './fake/fake-breeze-faults';
import { FakeBreezeMarket } from './fake/fake-breeze-market';
import { routeV1, type FakeBreezeFunds } from './fake/fake-breeze-routes';
import { fail, fixture } from './fake/fake-breeze-wire';
import { buildSecurityMasterZip, fixtureMasterTexts } from './master-zip.builder';

/** One call the server saw (for assertions). `checksum` says how it fared. */
export interface FakeBreezeCall {
  readonly method: string;
  readonly endpoint: string;
  readonly rawBody: string;
  readonly body?: Readonly<Record<string, unknown>>;
  readonly query?: URLSearchParams;
  readonly checksum: 'VALID' | 'INVALID' | 'UNSIGNED';
}

export interface FakeBreezeServerOptions {
  readonly appKey: string;
  readonly secretKey: string;
  /** Instant source for order and trade times (share the client's FixedClock in tests). */
  readonly now?: () => number;
  /** Master texts served in SecurityMaster.zip and used to validate contracts (default: the fixtures). */
  readonly master?: { readonly fonse: string; readonly nse: string };
}

const V1 = '/breezeapi/api/v1/';
const V2 = '/api/v2/';
const MASTER_PATH = '/MotherAppMaster/SecurityMaster.zip';

/**
 * A local Breeze: speaks the v1/v2 wire format from recorded-shape fixtures on an ephemeral
 * port, VERIFIES the checksum of every signed call (GET-with-body included: it hashes the raw
 * body it received) and answers a wrong one with Breeze's own
 * `{"Status": 5, "Error": "Authentication Fail :: Invalid Checksum."}`. Scriptable: `book`
 * (orders rest until filled/rejected/expired, or `autoFill`), `market` (quotes, chains,
 * candles), `faults` (per-call failures), session keys accepted or expired.
 */
export class IciciBreezeFakeServer {
  readonly book: FakeBreezeBook;
  readonly market = new FakeBreezeMarket();
  readonly faults = new FakeBreezeFaults();
  readonly calls: FakeBreezeCall[] = [];
  readonly funds: FakeBreezeFunds = { bankBalance: 13_000_000, allocatedEquity: 200_000, allocatedFno: 12_000_000, blockedFno: 0, unallocated: 800_000 };
  private readonly sessions = new Map<string, { userId: string; sessionKey: string; expired: boolean }>();
  private readonly held = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly now: () => number;
  private readonly masterZip: Buffer;
  private server?: Server;
  private base = '';

  constructor(private readonly options: FakeBreezeServerOptions) {
    this.now = options.now ?? Date.now;
    const texts = options.master ?? fixtureMasterTexts();
    this.masterZip = buildSecurityMasterZip(texts);
    this.book = new FakeBreezeBook(parseSecurityMaster(texts).contracts, this.now);
    this.acceptSessionKey('87324529', 'XY604721');
  }

  /** Starts on 127.0.0.1 with a port from the OS. */
  static async start(options: FakeBreezeServerOptions): Promise<IciciBreezeFakeServer> {
    const fake = new IciciBreezeFakeServer(options);
    await fake.listen();
    return fake;
  }

  get apiUrl(): string {
    return `${this.base}${V1}`;
  }
  get v2Url(): string {
    return `${this.base}${V2}`;
  }
  get securityMasterUrl(): string {
    return `${this.base}${MASTER_PATH}`;
  }
  get loginUrl(): string {
    return `${this.base}/apiuser/login`;
  }

  /** Makes `apiSession` a valid key for user `userId` (the token is base64("userId:sessionKey")). */
  acceptSessionKey(apiSession: string, userId: string, sessionKey = apiSession): void {
    this.sessions.set(apiSession, { userId, sessionKey, expired: false });
  }

  /** The key has expired: customerdetails answers "Resource not available.", signed calls "Invalid User Details". */
  expireSessionKey(apiSession: string): void {
    const s = this.sessions.get(apiSession);
    if (s) s.expired = true;
  }

  /** The calls made to one endpoint (and method), oldest first. */
  callsTo(endpoint: string, method?: string): readonly FakeBreezeCall[] {
    return this.calls.filter((c) => c.endpoint === endpoint && (!method || c.method === method));
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    for (const s of this.held) s.destroy();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.base);
    const method = req.method ?? 'GET';
    if (url.pathname === MASTER_PATH) return void res.writeHead(200, { 'Content-Type': 'application/zip' }).end(this.masterZip);
    if (url.pathname.startsWith(V2)) return this.handleV2(url, method, raw, req, res);
    if (!url.pathname.startsWith(V1)) return send(res, 404, fail('Not Found', 404));
    const endpoint = url.pathname.slice(V1.length);
    let body: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    if (endpoint === 'customerdetails') {
      this.calls.push({ method, endpoint, rawBody: raw, body, checksum: 'UNSIGNED' });
      return this.respond(res, endpoint, method, body, () => this.customerDetails(body));
    }
    const checksum = this.checksumOf(req, raw);
    this.calls.push({ method, endpoint, rawBody: raw, body, checksum });
    if (checksum !== 'VALID') return send(res, 200, fixture('error.invalid-checksum.json'));
    if (req.headers['x-appkey'] !== this.options.appKey) return send(res, 200, fixture('error.public-key.json'));
    if (!this.validToken(req.headers['x-sessiontoken'])) return send(res, 200, fixture('error.invalid-user.json'));
    if (!body) return send(res, 200, fail('Request body is not a JSON object'));
    const routed = body;
    return this.respond(res, endpoint, method, routed, () => routeV1({ book: this.book, market: this.market, funds: this.funds, now: this.now, ltpOf: (c) => this.market.lastPriceOf(c) }, endpoint, method, routed));
  }

  private handleV2(url: URL, method: string, raw: string, req: IncomingMessage, res: ServerResponse): void {
    const endpoint = url.pathname.slice(V2.length);
    this.calls.push({ method, endpoint, rawBody: raw, query: url.searchParams, checksum: 'UNSIGNED' });
    if (req.headers['apikey'] !== this.options.appKey) return send(res, 200, fixture('error.public-key.json'));
    if (!this.validToken(req.headers['x-sessiontoken'])) return send(res, 200, fixture('error.invalid-user.json'));
    if (endpoint !== 'historicalcharts') return send(res, 404, fail('Not Found', 404));
    return this.respond(res, endpoint, method, undefined, () => ({ Error: null, Status: 200, Success: this.market.chartRows(url.searchParams) ?? [] }));
  }

  /** Applies an armed fault, else answers what `process` returns. */
  private respond(res: ServerResponse, endpoint: string, method: string, body: Readonly<Record<string, unknown>> | undefined, process: () => unknown): void {
    const fault = this.faults.take(endpoint, method, body);
    if (!fault) return send(res, 200, process());
    switch (fault.mode) {
      case 'HTTP_STATUS':
        if (fault.afterProcessing) process();
        res.writeHead(fault.status, { 'Content-Type': 'text/html', ...(fault.retryAfterS !== undefined ? { 'Retry-After': String(fault.retryAfterS) } : {}) });
        return void res.end(fault.body ?? `<html><body>${fault.status}</body></html>`);
      case 'ENVELOPE':
        return send(res, 200, fail(fault.error, fault.status ?? 500));
      case 'MALFORMED':
        if (fault.afterProcessing) process();
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return void res.end(fault.body ?? '{"Success": {"order_id": "2026');
      case 'TIMEOUT_AFTER_ACCEPT':
        process();
        this.held.add(res.socket as Socket);
        return;
      case 'DELAY': {
        const answer = process();
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          send(res, 200, answer);
        }, fault.ms);
        this.timers.add(timer);
        return;
      }
      case 'DROP':
        return void res.socket?.destroy();
      case 'FILL_AFTER_CANCEL': {
        const orderId = String(body?.['order_id']);
        this.book.fill(orderId, {});
        return send(res, 200, { ...fixture<Record<string, unknown>>('order.cancel.success.json'), Success: { order_id: orderId, message: 'Your Order Canceled successfully.' } });
      }
      case 'CANCEL_NOT_APPLIED':
        return send(res, 200, { ...fixture<Record<string, unknown>>('order.cancel.success.json'), Success: { order_id: String(body?.['order_id']), message: 'Your Order Canceled successfully.' } });
      case 'REJECT_AFTER_ACK': {
        const answer = process() as { Success?: { order_id?: string } };
        if (answer.Success?.order_id) this.book.reject(answer.Success.order_id, fault.reason);
        return send(res, 200, answer);
      }
    }
  }

  private customerDetails(body: Readonly<Record<string, unknown>> | undefined): unknown {
    if (!body || body['AppKey'] !== this.options.appKey) return fixture('error.public-key.json');
    const s = this.sessions.get(String(body['SessionToken']));
    if (!s) return fixture('error.invalid-session.json');
    if (s.expired) return fixture('error.resource-not-available.json');
    const env = fixture<{ Success: Record<string, unknown> }>('customerdetails.success.json');
    return { ...env, Success: { ...env.Success, idirect_userid: s.userId, session_token: Buffer.from(`${s.userId}:${s.sessionKey}`).toString('base64') } };
  }

  private validToken(header: string | string[] | undefined): boolean {
    return [...this.sessions.values()].some((s) => !s.expired && header === Buffer.from(`${s.userId}:${s.sessionKey}`).toString('base64'));
  }

  /** Breeze's rule, computed independently of the client: sha256(timestamp + raw body + secret). */
  private checksumOf(req: IncomingMessage, raw: string): 'VALID' | 'INVALID' {
    const header = req.headers['x-checksum'];
    const timestamp = req.headers['x-timestamp'];
    if (typeof header !== 'string' || typeof timestamp !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/.test(timestamp)) return 'INVALID';
    const expected = Buffer.from(`token ${createHash('sha256').update(timestamp + raw + this.options.secretKey, 'utf8').digest('hex')}`);
    const given = Buffer.from(header);
    return given.length === expected.length && timingSafeEqual(given, expected) ? 'VALID' : 'INVALID';
  }
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(payload));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
