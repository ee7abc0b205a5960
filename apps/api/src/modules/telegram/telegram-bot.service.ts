import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { OutgoingAlert } from '@mcube/domain';
import { Telegraf, type Context } from 'telegraf';
import type { Update } from 'telegraf/types';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { TELEGRAM_CLIENT, type TelegramClient } from '../alerts/channels/telegram-client';
import { replyMarkupOf, type BotReply } from './bot-reply';
import { TelegramCommandsService, type BotInput, type BotOutcome } from './telegram-commands.service';

/**
 * The Telegram bot (telegraf): long polling by default, or updates posted to the webhook
 * controller when TELEGRAM_WEBHOOK_URL is set. It runs only in the API role (the process that
 * serves HTTP), never in workers, so exactly one process reads the updates. Answers go out
 * through the same `TelegramClient` as alerts (time limit, scrubbed errors).
 */
@Injectable()
export class TelegramBotService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TelegramBot');
  private bot?: Telegraf;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TELEGRAM_CLIENT) private readonly client: TelegramClient | null,
    private readonly commands: TelegramCommandsService,
    @Optional() private readonly http?: HttpAdapterHost,
  ) {}

  /** Whether updates are being read (polling) or accepted (webhook). */
  get running(): boolean {
    return this.bot !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const tg = this.config.alerts.telegram;
    if (!tg || !this.client || !this.http?.httpAdapter) return;
    const bot = new Telegraf(tg.botToken, { telegram: { apiRoot: tg.apiRoot }, handlerTimeout: 10_000 });
    bot.on('message', (ctx) => this.onUpdate(ctx));
    bot.on('callback_query', (ctx) => this.onUpdate(ctx));
    bot.catch((err) => this.logger.error({ msg: 'telegram update failed', err: (err as Error).message }));
    this.bot = bot;
    if (tg.webhook) {
      await this.client.call('setWebhook', { url: tg.webhook.url, secret_token: tg.webhook.secret, allowed_updates: ['message', 'callback_query'] }).catch((err: Error) => this.logger.error({ msg: 'setWebhook failed', err: err.message }));
      return;
    }
    // launch() resolves only when polling stops: not awaited, so the boot goes on.
    void bot.launch({ allowedUpdates: ['message', 'callback_query'] }).catch((err: Error) => {
      this.logger.error({ msg: 'telegram polling stopped', err: err.message.split(tg.botToken).join('[REDACTED]') });
      this.bot = undefined;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const bot = this.bot;
    this.bot = undefined;
    if (!bot || this.config.alerts.telegram?.webhook) return;
    try {
      bot.stop('shutdown');
    } catch {
      // Not running (launch failed): nothing to stop.
    }
  }

  /** Handles an update posted to the webhook (the controller has checked the secret). */
  async handleWebhookUpdate(update: Update): Promise<void> {
    if (!this.bot) return;
    await this.bot.handleUpdate(update);
  }

  private async onUpdate(ctx: Context): Promise<void> {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    const updateId = ctx.update.update_id;
    const cb = ctx.callbackQuery;
    let input: BotInput | null = null;
    if (cb && 'data' in cb && cb.message) input = { kind: 'button', chatId: String(chatId), data: cb.data, messageId: cb.message.message_id, updateId };
    else if (ctx.message && 'text' in ctx.message) input = { kind: 'text', chatId: String(chatId), text: ctx.message.text, updateId, messageId: ctx.message.message_id };
    if (!input) return;
    const outcome = await this.commands.handle(input);
    await this.answer(String(chatId), input, outcome, cb?.id);
  }

  private async answer(chatId: string, input: BotInput, o: BotOutcome, callbackQueryId: string | undefined): Promise<void> {
    const client = this.client as TelegramClient;
    if (o.edit && input.kind === 'button') await client.call('editMessageText', { chat_id: chatId, message_id: input.messageId, text: o.edit.html, parse_mode: 'HTML' });
    // A message that carried a secret (the ICICI session key) leaves the chat history; a failure is logged, not fatal.
    if (o.deleteIncoming && input.kind === 'text' && input.messageId !== undefined) {
      await client.call('deleteMessage', { chat_id: chatId, message_id: input.messageId }).catch((err: Error) => this.logger.warn({ msg: 'could not delete the message with the ICICI session key: delete it by hand', err: err.message }));
    }
    if (o.reply) await this.send(chatId, o.reply);
    if (o.report) await this.sendReport(chatId, o.report);
    // Last, so the button's spinner stops once everything it caused is visible.
    if (callbackQueryId) await client.call('answerCallbackQuery', { callback_query_id: callbackQueryId, ...(o.toast ? { text: o.toast } : {}) });
  }

  private async send(chatId: string, reply: BotReply): Promise<void> {
    await (this.client as TelegramClient).call('sendMessage', { chat_id: chatId, text: reply.html, parse_mode: 'HTML', ...(reply.buttons ? { reply_markup: replyMarkupOf(reply.buttons) } : {}) });
  }

  private async sendReport(chatId: string, report: OutgoingAlert): Promise<void> {
    const client = this.client as TelegramClient;
    const png = report.attachments?.find((a) => a.contentType === 'image/png');
    if (png) await client.call('sendPhoto', { chat_id: chatId, photo: { source: Buffer.from(png.content), filename: png.filename }, caption: report.title.slice(0, 1000) });
    await client.call('sendMessage', { chat_id: chatId, text: report.html, parse_mode: 'HTML' });
  }
}
