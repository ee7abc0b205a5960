import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart, readBody } from './multipart';

/** A Bot API call as the fake received it (only answered calls count as delivered). */
export interface BotApiCall {
  method: string;
  params: Record<string, unknown>;
  /** Bytes of an uploaded file (sendPhoto). */
  file?: { filename?: string; contentType?: string; data: Buffer };
  /** What the fake did: answered ok, answered with an error, or held the request unanswered (a timeout). */
  outcome: 'ok' | 'error' | 'dropped';
  atMs: number;
}

/** A scripted failure for the next call(s) of a method. */
export type BotApiFault = { status: number; body?: unknown } | { hang: true };

/**
 * A local HTTP server speaking the Telegram Bot API wire format (POST /bot<token>/<method>,
 * JSON or multipart bodies, `{ ok, result }` / `{ ok: false, error_code, description,
 * parameters }` answers): getUpdates (long polling with offset), sendMessage, sendPhoto,
 * editMessageText, answerCallbackQuery, getMe, deleteWebhook, setMyCommands. A wrong token
 * answers 401 as Telegram does; unknown chat ids answer 400 "chat not found".
 */
export class TelegramBotApiFake {
  readonly calls: BotApiCall[] = [];
  private readonly server: Server;
  private readonly faults = new Map<string, BotApiFault[]>();
  private updates: Record<string, unknown>[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 100;
  private waiters: Array<() => void> = [];
  private readonly hanging = new Set<ServerResponse>();
  readonly unknownChats = new Set<string>();
  /** True: the configured token is refused too (a revoked token). */
  revoked = false;
  port = 0;

  constructor(readonly token: string) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** The API root to give telegraf (TELEGRAM_API_ROOT). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const w of this.waiters.splice(0)) w();
    for (const r of this.hanging) r.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` calls of `method` fail as scripted. */
  fail(method: string, fault: BotApiFault, count = 1): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...Array.from({ length: count }, () => fault)]);
  }

  /** Queues an update for getUpdates (a user's message or button press). */
  pushUpdate(update: Record<string, unknown>): number {
    const id = this.nextUpdateId++;
    this.updates.push({ update_id: id, ...update });
    for (const w of this.waiters.splice(0)) w();
    return id;
  }

  /** A text message from `chatId` (a private chat with user id = chat id). */
  sendText(chatId: number, text: string): number {
    const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }] : undefined;
    return this.pushUpdate({ message: { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'T' }, text, entities } });
  }

  /** A press of an inline button with `data` on message `messageId` in `chatId`. */
  pressButton(chatId: number, messageId: number, data: string): number {
    return this.pushUpdate({
      callback_query: { id: `cb${this.nextUpdateId}`, chat_instance: '1', data, from: { id: chatId, is_bot: false, first_name: 'T' }, message: { message_id: messageId, date: 0, chat: { id: chatId, type: 'private' }, text: 'card' } },
    });
  }

  /** Answered calls of `method` (optionally to one chat). */
  delivered(method: string, chatId?: string | number): BotApiCall[] {
    return this.calls.filter((c) => c.method === method && c.outcome === 'ok' && (chatId === undefined || String(c.params['chat_id']) === String(chatId)));
  }

  /** Resolves when `predicate` holds (polled every 10 ms), or throws after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`Telegram fake: timed out waiting for ${what}; calls: ${JSON.stringify(this.calls.map((c) => [c.method, c.outcome, c.params['text'] ?? c.params['data']]))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    if (!match) return this.reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = match;
    const { params, file } = this.paramsOf(req, body);
    const call: BotApiCall = { method, params, file, outcome: 'ok', atMs: Date.now() };
    if (method !== 'getUpdates') this.calls.push(call);
    if (token !== this.token || this.revoked) {
      call.outcome = 'error';
      return this.reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const fault = method === 'getUpdates' ? undefined : this.faults.get(method)?.shift();
    if (fault && 'hang' in fault) {
      call.outcome = 'dropped';
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (fault) {
      call.outcome = 'error';
      return this.reply(res, fault.status, fault.body ?? 'Bad Gateway');
    }
    const chatId = params['chat_id'] === undefined ? undefined : String(params['chat_id']);
    if (chatId !== undefined && this.unknownChats.has(chatId)) {
      call.outcome = 'error';
      return this.reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
    }
    switch (method) {
      case 'getUpdates':
        return this.getUpdates(params, res);
      case 'getMe':
        return this.reply(res, 200, { ok: true, result: { id: 42, is_bot: true, first_name: 'mCube', username: 'mcube_test_bot' } });
      case 'sendMessage':
      case 'sendPhoto':
        return this.reply(res, 200, { ok: true, result: { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: 'private' }, text: params['text'] } });
      case 'editMessageText':
        return this.reply(res, 200, { ok: true, result: { message_id: Number(params['message_id']), date: 0, chat: { id: Number(chatId), type: 'private' }, text: params['text'] } });
      default:
        return this.reply(res, 200, { ok: true, result: true });
    }
  }

  private async getUpdates(params: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const offset = Number(params['offset'] ?? 0);
    const pending = () => this.updates.filter((u) => (u['update_id'] as number) >= offset);
    if (pending().length === 0) {
      // Long poll: hold until an update arrives, at most a second here (Telegram holds up to `timeout` s).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (res.destroyed) return;
    this.updates = pending();
    this.reply(res, 200, { ok: true, result: this.updates });
  }

  private paramsOf(req: IncomingMessage, body: Buffer): { params: Record<string, unknown>; file?: BotApiCall['file'] } {
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const params: Record<string, unknown> = {};
      let file: BotApiCall['file'];
      for (const p of parseMultipart(body, type)) {
        if (p.filename !== undefined) file = { filename: p.filename, contentType: p.contentType, data: p.data };
        else params[p.name] = p.data.toString('utf8');
      }
      return { params, file };
    }
    if (body.length === 0) return { params: {} };
    return { params: JSON.parse(body.toString('utf8')) as Record<string, unknown> };
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }
}
