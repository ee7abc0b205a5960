import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { istDateTimeOf, type Clock } from '@mcube/domain';
import { decodeJData } from '../http/neo-form';
import { FAKE_NEO_ACCOUNT, FakeNeoAuth, type FakeNeoAccount } from './fake-neo-auth';
import { FakeNeoBook, type FakeNeoFill, type FakeNeoOrder, type FakeNeoQuote } from './fake-neo-book';
import { FakeNeoFaultQueue, type FakeNeoEndpoint, type FakeNeoFault } from './fake-neo-faults';
import { fakeContractsOf, fixtureMaster, type FakeNeoContract, type FakeNeoMasterFiles } from './fake-neo-master';
import { targetOrder } from './fake-neo-order.routes';
import { routeFakeNeo, type FakeNeoReply, type FakeNeoRequest } from './fake-neo-routes';
import { defaultFakeMargin, type FakeNeoMarginLeg, type FakeNeoState } from './fake-neo-state';

/** How the fake broker starts. */
export interface KotakNeoFakeServerOptions {
  /** The broker's wall clock: TOTP windows, order and fill times, the trading day. */
  readonly clock: Clock;
  readonly account?: Partial<FakeNeoAccount>;
  /** Default: the fixture master of 2026-08-10. */
  readonly master?: FakeNeoMasterFiles;
  /** Resting orders fill when a quote crosses their limit (default true). */
  readonly fillOnCross?: boolean;
  /** Status of a new order: 'open' (default) or 'open pending' until `acknowledge`. */
  readonly ackStatus?: 'open' | 'open pending';
}

/** One request the fake received (headers lower-cased; includes secrets: tests only). */
export interface FakeNeoRecordedRequest extends FakeNeoRequest {
  readonly method: string;
  readonly host: 'login' | 'trade' | 'files';
}

type Host = FakeNeoRecordedRequest['host'];
const ROUTES: readonly { host: Host | 'api'; method: string; path: RegExp; endpoint: FakeNeoEndpoint }[] = [
  { host: 'login', method: 'POST', path: /^\/login\/1\.0\/tradeApiLogin$/, endpoint: 'login' },
  { host: 'login', method: 'POST', path: /^\/login\/1\.0\/tradeApiValidate$/, endpoint: 'validate' },
  { host: 'trade', method: 'POST', path: /^\/quick\/order\/rule\/ms\/place$/, endpoint: 'place' },
  { host: 'trade', method: 'POST', path: /^\/quick\/order\/vr\/modify$/, endpoint: 'modify' },
  { host: 'trade', method: 'POST', path: /^\/quick\/order\/cancel$/, endpoint: 'cancel' },
  { host: 'trade', method: 'GET', path: /^\/quick\/user\/orders$/, endpoint: 'orders' },
  { host: 'trade', method: 'POST', path: /^\/quick\/order\/history$/, endpoint: 'history' },
  { host: 'trade', method: 'GET', path: /^\/quick\/user\/trades$/, endpoint: 'trades' },
  { host: 'trade', method: 'GET', path: /^\/quick\/user\/positions$/, endpoint: 'positions' },
  { host: 'trade', method: 'POST', path: /^\/quick\/user\/limits$/, endpoint: 'limits' },
  { host: 'trade', method: 'POST', path: /^\/quick\/user\/check-margin$/, endpoint: 'margin' },
  { host: 'api', method: 'GET', path: /^\/script-details\/1\.0\/quotes\/neosymbol\//, endpoint: 'quotes' },
  { host: 'api', method: 'GET', path: /^\/script-details\/1\.0\/masterscrip\/file-paths$/, endpoint: 'filePaths' },
  { host: 'files', method: 'GET', path: /^\/wso2-scripmaster\//, endpoint: 'masterFile' },
];

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/**
 * A local stand-in for Kotak Neo speaking its wire format (paths, headers, form `jData`,
 * envelopes, error bodies with HTTP 200, scrip-master paths and CSV) on three ephemeral
 * loopback ports: the login host (`loginUrl`, what KOTAK_NEO_LOGIN_URL points at), the
 * account's trade host (the `baseUrl` of the login answer) and the file host. Scriptable:
 * faults per call (`inject`), fills, rejections after ack, quotes that fill resting orders,
 * session expiry, IP and algo refusals, master changes, trading days. Tests only.
 */
export class KotakNeoFakeServer {
  private readonly faults = new FakeNeoFaultQueue();
  private readonly log: FakeNeoRecordedRequest[] = [];
  private readonly servers: Server[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private state!: FakeNeoState;
  loginUrl = '';
  tradeUrl = '';
  filesUrl = '';

  private constructor(private readonly options: KotakNeoFakeServerOptions) {}

  /** Starts the three listeners. */
  static async start(options: KotakNeoFakeServerOptions): Promise<KotakNeoFakeServer> {
    const fake = new KotakNeoFakeServer(options);
    const [login, trade, files] = await Promise.all((['login', 'trade', 'files'] as const).map((h) => listen((req, res) => void fake.handle(h, req, res))));
    fake.servers.push(login.server, trade.server, files.server);
    [fake.loginUrl, fake.tradeUrl, fake.filesUrl] = [login.url, trade.url, files.url];
    const master = options.master ?? fixtureMaster();
    const bySymbol = fakeContractsOf(master.nseFo);
    fake.state = {
      clock: options.clock,
      auth: new FakeNeoAuth({ ...FAKE_NEO_ACCOUNT, ...options.account }, options.clock),
      book: new FakeNeoBook(options.clock, { fillOnCross: options.fillOnCross ?? true, ackStatus: options.ackStatus ?? 'open' }),
      master,
      contractsBySymbol: bySymbol,
      contractsByToken: new Map([...bySymbol.values()].map((c) => [c.token, c])),
      staticIpRegistered: true,
      algoOrdersAllowed: true,
      uniqueTags: false,
      funds: { netPaise: 5_876_543_211, marginUsedPaise: 123_456_789, collateralPaise: 6_000_000_000 },
      marginRule: defaultFakeMargin,
      filesUrl: files.url,
      tradeUrl: trade.url,
    };
    return fake;
  }

  /** The account the fake accepts (its secrets: tests only). */
  get account(): FakeNeoAccount {
    return this.state.auth.account;
  }

  // ---- scripting -------------------------------------------------------------------------

  /** The next `times` calls of `endpoint` misbehave as `fault` says. */
  inject(endpoint: FakeNeoEndpoint, fault: FakeNeoFault, times = 1): void {
    this.faults.add(endpoint, fault, times);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Kotak invalidates every session (the next trade call answers 100022). */
  expireSessions(): void {
    this.state.auth.expireSessions();
  }

  setStaticIpRegistered(registered: boolean): void {
    this.state.staticIpRegistered = registered;
  }

  setAlgoOrdersAllowed(allowed: boolean): void {
    this.state.algoOrdersAllowed = allowed;
  }

  setUniqueTags(unique: boolean): void {
    this.state.uniqueTags = unique;
  }

  setFunds(funds: Partial<FakeNeoState['funds']>): void {
    this.state.funds = { ...this.state.funds, ...funds };
  }

  setMarginRule(rule: (leg: FakeNeoMarginLeg) => number): void {
    this.state.marginRule = rule;
  }

  /**
   * Serves another master (e.g. a changed lot size); orders are checked against it from now
   * on, unless `serveOnly` (a broken file on the file host while the broker trades on).
   */
  setMaster(master: FakeNeoMasterFiles, opts: { readonly serveOnly?: boolean } = {}): void {
    this.state.master = master;
    if (opts.serveOnly) return;
    const bySymbol = fakeContractsOf(master.nseFo);
    Object.assign(this.state, { contractsBySymbol: bySymbol, contractsByToken: new Map([...bySymbol.values()].map((c) => [c.token, c])) });
  }

  /** The master files being served. */
  servedMaster(): FakeNeoMasterFiles {
    return this.state.master;
  }

  /** The contract of a trading symbol of the served master. */
  contract(tradingSymbol: string): FakeNeoContract {
    const c = this.state.contractsBySymbol.get(tradingSymbol);
    if (!c) throw new Error(`the fake master has no ${tradingSymbol}`);
    return c;
  }

  /**
   * Sets a quote, prices in rupees, of a contract (trading symbol) or an index ('Nifty 50',
   * 'India VIX'); resting orders of a contract it crosses fill at their limit.
   */
  setQuote(symbol: string, q: { ltp: number; bid?: number; ask?: number; bidQty?: number; askQty?: number; openInterest?: number; volume?: number; close?: number }): FakeNeoFill[] {
    const paise = (r: number | undefined): number | undefined => (r === undefined ? undefined : Math.round(r * 100));
    const quote: FakeNeoQuote = { ltpPaise: paise(q.ltp) ?? 0, bidPaise: paise(q.bid), askPaise: paise(q.ask), bidQty: q.bidQty, askQty: q.askQty, openInterest: q.openInterest, volume: q.volume, closePaise: paise(q.close) };
    const key = this.state.contractsBySymbol.get(symbol)?.token ?? symbol;
    return this.state.book.setQuote(key, quote);
  }

  /** Every order of the day, oldest first. */
  orders(): readonly FakeNeoOrder[] {
    return this.state.book.orders();
  }

  ordersByTag(tag: string): readonly FakeNeoOrder[] {
    return this.orders().filter((o) => o.tag === tag);
  }

  fills(): readonly FakeNeoFill[] {
    return this.state.book.fills();
  }

  private orderOf(ref: string | { tag: string }): FakeNeoOrder {
    const order = typeof ref === 'string' ? this.state.book.order(ref) : this.ordersByTag(ref.tag).slice(-1)[0];
    if (!order) throw new Error(`the fake has no order ${JSON.stringify(ref)}`);
    return order;
  }

  /** Fills an order (by number or tag): `quantity` units (default the rest) at `price` rupees (default its limit). */
  fill(ref: string | { tag: string }, opts: { quantity?: number; price?: number } = {}): FakeNeoFill {
    const order = this.orderOf(ref);
    return this.state.book.fill(order, opts.quantity, opts.price === undefined ? undefined : Math.round(opts.price * 100));
  }

  /** The exchange rejects a working order after Kotak acknowledged it. */
  reject(ref: string | { tag: string }, reason: string): void {
    this.state.book.reject(this.orderOf(ref), reason);
  }

  /** The exchange confirms a cancel held by a HOLD_CANCEL fault. */
  confirmCancel(ref: string | { tag: string }): void {
    this.state.book.confirmCancel(this.orderOf(ref));
  }

  /** A pending order reaches the exchange ('open'). */
  acknowledge(ref: string | { tag: string }): void {
    this.state.book.acknowledge(this.orderOf(ref));
  }

  /** A position carried from an earlier day. */
  seedPosition(tradingSymbol: string, product: 'NRML' | 'MIS', netQuantity: number, averagePrice: number): void {
    this.state.book.positions.seedCarried(this.contract(tradingSymbol), product, netQuantity, Math.round(averagePrice * 100));
  }

  /** Next trading day (per the clock): sessions end, working orders expire, positions carry forward; optionally a new master. */
  newTradingDay(master?: FakeNeoMasterFiles): void {
    this.state.auth.expireSessions();
    this.state.book.newTradingDay(istDateTimeOf(this.options.clock.nowMs()).date);
    if (master) this.setMaster(master);
  }

  /** Requests received (optionally of one endpoint), oldest first. */
  requests(endpoint?: FakeNeoEndpoint): readonly FakeNeoRecordedRequest[] {
    return endpoint ? this.log.filter((r) => r.endpoint === endpoint) : this.log;
  }

  /** How many TOTP/MPIN attempts were made (and how many succeeded). */
  loginAttempts(): readonly { step: 'TOTP' | 'MPIN'; ok: boolean }[] {
    return this.state.auth.attempts;
  }

  /** Closes the listeners and every open or hanging connection. */
  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    await Promise.all(
      this.servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
          }),
      ),
    );
  }

  // ---- HTTP ------------------------------------------------------------------------------

  private async handle(host: Host, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0];
    const route = ROUTES.find((r) => (r.host === host || (r.host === 'api' && host !== 'files')) && r.method === req.method && r.path.test(path));
    if (!route) return this.send(res, { status: 404, body: { message: `no route ${req.method} ${path}` } });
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v[0] : v;
    let json: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = headers['content-type']?.includes('application/json') ? JSON.parse(body) : undefined;
      json = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      json = undefined;
    }
    const request: FakeNeoRecordedRequest = { endpoint: route.endpoint, path, headers, form: body ? decodeJData(body) : undefined, json, method: req.method ?? 'GET', host };
    this.log.push(request);
    const fault = this.faults.take(route.endpoint);
    if (fault?.type === 'DELAY') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.type === 'FILL_FIRST') {
      const order = targetOrder(this.state, request);
      if (order && this.state.book.isWorking(order)) this.state.book.fill(order, fault.quantity);
    }
    if (fault?.type === 'RESPOND' || fault?.type === 'HANG') {
      if (fault.processed) routeFakeNeo(this.state, request);
      if (fault.type === 'HANG') {
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
      }
      return this.send(res, { status: fault.status, body: fault.body, headers: fault.headers });
    }
    this.send(res, routeFakeNeo(this.state, request, { holdCancel: fault?.type === 'HOLD_CANCEL' }));
  }

  private send(res: ServerResponse, reply: FakeNeoReply): void {
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const type = typeof reply.body === 'string' ? 'text/plain' : 'application/json';
    res.writeHead(reply.status, { 'content-type': type, ...reply.headers });
    res.end(text);
  }
}
