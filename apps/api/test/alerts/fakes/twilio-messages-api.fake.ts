import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './multipart';

/** A Messages API request as the fake received it. */
export interface TwilioMessageCall {
  accountSid: string;
  to: string;
  from: string;
  body: string;
  outcome: 'ok' | 'error' | 'dropped';
  sid?: string;
}

/** A scripted failure: a status with optional Retry-After and body, or no answer at all. */
export type TwilioFault = { status: number; retryAfterSeconds?: number; body?: unknown } | { hang: true };

/**
 * A local HTTP server speaking Twilio's Messages API: POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json, HTTP Basic auth with the account SID and
 * auth token, form-encoded To/From/Body, 201 with the message resource (sid SM…), and Twilio's
 * error body `{ code, message, more_info, status }` (401 code 20003 for a bad token).
 */
export class TwilioMessagesApiFake {
  readonly calls: TwilioMessageCall[] = [];
  private readonly server: Server;
  private readonly faults: TwilioFault[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private seq = 0;
  /** True: the configured auth token is refused (a rotated token). */
  revoked = false;
  port = 0;

  constructor(
    readonly accountSid: string,
    readonly authToken: string,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const r of this.hanging) r.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` requests fail as scripted. */
  fail(fault: TwilioFault, count = 1): void {
    for (let i = 0; i < count; i++) this.faults.push(fault);
  }

  /** Messages accepted (201). */
  delivered(): TwilioMessageCall[] {
    return this.calls.filter((c) => c.outcome === 'ok');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = (await readBody(req)).toString('utf8');
    const match = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return this.reply(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    const form = new URLSearchParams(raw);
    const call: TwilioMessageCall = { accountSid: match[1], to: form.get('To') ?? '', from: form.get('From') ?? form.get('MessagingServiceSid') ?? '', body: form.get('Body') ?? '', outcome: 'ok' };
    this.calls.push(call);
    const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
    if (this.revoked || auth !== `${this.accountSid}:${this.authToken}` || match[1] !== this.accountSid) {
      call.outcome = 'error';
      return this.reply(res, 401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    }
    const fault = this.faults.shift();
    if (fault && 'hang' in fault) {
      call.outcome = 'dropped';
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (fault) {
      call.outcome = 'error';
      return this.reply(res, fault.status, fault.body ?? { code: fault.status === 429 ? 20429 : 20500, message: fault.status === 429 ? 'Too Many Requests' : 'Internal Server Error', status: fault.status }, fault.retryAfterSeconds);
    }
    if (!/^\+[1-9]\d{6,14}$/.test(call.to)) {
      call.outcome = 'error';
      return this.reply(res, 400, { code: 21211, message: `The 'To' number ${call.to} is not a valid phone number.`, status: 400 });
    }
    call.sid = `SM${(++this.seq).toString(16).padStart(32, '0')}`;
    this.reply(res, 201, { sid: call.sid, account_sid: this.accountSid, to: call.to, from: call.from, body: call.body, status: 'queued', num_segments: '1', date_created: new Date().toUTCString() });
  }

  private reply(res: ServerResponse, status: number, body: unknown, retryAfterSeconds?: number): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...(retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {}) });
    res.end(JSON.stringify(body));
  }
}
