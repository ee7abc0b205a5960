import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';
import { TELEGRAM_CLIENT, type TelegramClient } from '../alerts/channels/telegram-client';
import { escapeHtml } from '../alerts/channels/telegram-alert.channel';
import { TelegramApprovalCard } from './entities/telegram-approval-card.entity';
import { APPROVALS_PORT, type ApprovalDecision, type ApprovalEvent, type ApprovalsPort, type PendingApproval } from '../strategies/approvals/approvals.port';
import { approvalView } from './bot-read-views';
import { replyMarkupOf } from './bot-reply';
import { TelegramChatsService } from './telegram-chats.service';

/**
 * Approval cards on Telegram: a new approval is posted with Approve / Reject buttons to every
 * chat whose user may decide; a decision taken anywhere (console, Telegram, expiry) edits every
 * card of it to say who decided, or that it expired. Cards are stored, so a restart still edits
 * them. Runs in the process that runs the bot.
 */
@Injectable()
export class TelegramApprovalCardsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('TelegramApprovalCards');
  private unsubscribe?: () => void;
  /** Events are handled one after the other, in order: a decision never overtakes its card. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly chats: TelegramChatsService,
    @Inject(APPROVALS_PORT) private readonly approvals: ApprovalsPort,
    @Inject(TELEGRAM_CLIENT) private readonly client: TelegramClient | null,
  ) {}

  onModuleInit(): void {
    if (this.client) this.unsubscribe = this.approvals.subscribe((e) => this.track(e));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Resolves when every card post or edit started so far is done (tests). */
  async whenIdle(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.chain;
      await seen;
    } while (seen !== this.chain);
  }

  private track(e: ApprovalEvent): void {
    this.chain = this.chain.then(() => this.onEvent(e)).catch((err: unknown) => this.logger.error({ msg: 'approval card not updated', err: (err as Error).message }));
  }

  private async onEvent(e: ApprovalEvent): Promise<void> {
    if (e.type === 'created') await this.post(e.approval);
    else await this.settle(e.decision);
  }

  private async post(a: PendingApproval): Promise<void> {
    const client = this.client as TelegramClient;
    for (const chatId of await this.chats.approverChats()) {
      const sent = await client.call<{ message_id: number }>('sendMessage', {
        chat_id: chatId,
        text: approvalView(a),
        parse_mode: 'HTML',
        reply_markup: replyMarkupOf([[{ text: '✅ Approve', data: `approve:${a.id}` }, { text: '❌ Reject', data: `reject:${a.id}` }]]),
      });
      await this.dataSource.getRepository(TelegramApprovalCard).insert({ approvalId: a.id, chatId, messageId: sent.message_id, state: 'PENDING' });
    }
  }

  private async settle(d: ApprovalDecision): Promise<void> {
    const client = this.client as TelegramClient;
    const repo = this.dataSource.getRepository(TelegramApprovalCard);
    const text =
      d.state === 'EXPIRED'
        ? `⌛ <b>Expired</b> · ${escapeHtml(d.id)}: no decision in time, nothing was traded.`
        : `${d.state === 'APPROVED' ? '✅ <b>Approved</b>' : '❌ <b>Rejected</b>'} · ${escapeHtml(d.id)} by ${escapeHtml(d.by ?? '?')}${d.reason ? `: ${escapeHtml(d.reason)}` : ''}`;
    for (const card of await repo.find({ where: { approvalId: d.id, state: Not(d.state) } })) {
      await client.call('editMessageText', { chat_id: card.chatId, message_id: card.messageId, text, parse_mode: 'HTML' });
      await repo.update(card.id, { state: d.state });
    }
  }
}
