import { AlertChannelError } from '@mcube/domain';
import { Telegram, TelegramError } from 'telegraf';
import type { SecretScrubber } from './secret-scrubber';

/** DI token of the process's `TelegramClient` (null when Telegram is not configured). */
export const TELEGRAM_CLIENT = Symbol('mcube:telegram-client');

/** The Bot API methods mCube calls, with their payloads as the Bot API documents them. */
export type BotApiMethod = 'sendMessage' | 'sendPhoto' | 'editMessageText' | 'deleteMessage' | 'answerCallbackQuery' | 'getMe' | 'setWebhook' | 'deleteWebhook';

/**
 * The Bot API through telegraf's own client (`Telegram`), with a time limit per call and
 * failures turned into `AlertChannelError` (429 → RATE_LIMITED with `retry_after`; 401/404,
 * a bad or revoked token → AUTH_EXPIRED; other 4xx → REJECTED; 5xx, network, timeout →
 * TEMPORARY). Error messages are scrubbed of the token.
 */
export class TelegramClient {
  readonly telegram: Telegram;

  constructor(
    botToken: string,
    apiRoot: string,
    private readonly timeoutMs: number,
    private readonly scrubber: SecretScrubber,
  ) {
    this.telegram = new Telegram(botToken, { apiRoot });
  }

  /** Calls `method`; resolves with the Bot API's `result`, rejects with an AlertChannelError. */
  async call<T = unknown>(method: BotApiMethod, payload: Record<string, unknown>): Promise<T> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      // callApi is typed per method; the payloads here are the documented ones.
      return (await (this.telegram.callApi as (m: string, p: unknown, o: { signal: AbortSignal }) => Promise<unknown>)(method, payload, { signal })) as T;
    } catch (err) {
      throw this.errorOf(method, err);
    }
  }

  private errorOf(method: string, err: unknown): AlertChannelError {
    if (err instanceof TelegramError) {
      const code = err.code;
      const text = this.scrubber.scrub(`Telegram ${method}: ${code} ${err.description}`);
      if (code === 429) {
        const after = Number(err.parameters?.retry_after);
        return new AlertChannelError('RATE_LIMITED', text, Number.isFinite(after) && after > 0 ? after * 1000 : undefined);
      }
      if (code === 401 || code === 404) return new AlertChannelError('AUTH_EXPIRED', `${text} (bad or revoked bot token?)`);
      if (code >= 500) return new AlertChannelError('TEMPORARY', text);
      return new AlertChannelError('REJECTED', text);
    }
    const e = err as { name?: string; message?: string; type?: string };
    if (e?.name === 'AbortError' || e?.name === 'TimeoutError' || e?.type === 'aborted') return new AlertChannelError('TEMPORARY', `Telegram ${method}: no answer within ${this.timeoutMs} ms`);
    return new AlertChannelError('TEMPORARY', this.scrubber.scrub(`Telegram ${method}: ${e?.message ?? String(err)}`));
  }
}
