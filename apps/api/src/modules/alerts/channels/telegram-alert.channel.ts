import type { AlertChannel, AlertReceipt, OutgoingAlert } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { TelegramChat } from '../entities/telegram-chat.entity';
import type { TelegramClient } from './telegram-client';

/** Telegram's caption limit; longer text goes as a message after the photo. */
const CAPTION_MAX = 1024;
/** Telegram's message limit. */
const MESSAGE_MAX = 4096;

/**
 * Alerts as Telegram messages (HTML parse mode) to every allow-listed chat that receives
 * alerts; an attached PNG goes as a photo with the title as its caption, then the text.
 */
export class TelegramAlertChannel implements AlertChannel {
  readonly name = 'TELEGRAM' as const;

  constructor(
    private readonly client: TelegramClient,
    private readonly dataSource: DataSource,
  ) {}

  async recipients(): Promise<readonly string[]> {
    const chats = await this.dataSource.getRepository(TelegramChat).find({ where: { receivesAlerts: true }, order: { id: 'ASC' } });
    return chats.map((c) => c.chatId);
  }

  async send(chatId: string, message: OutgoingAlert): Promise<AlertReceipt> {
    const photo = message.attachments?.find((a) => a.contentType === 'image/png');
    if (photo) {
      await this.client.call('sendPhoto', {
        chat_id: chatId,
        photo: { source: Buffer.from(photo.content), filename: photo.filename },
        caption: clip(`<b>${escapeHtml(message.title)}</b>`, CAPTION_MAX),
        parse_mode: 'HTML',
      });
    }
    const sent = await this.client.call<{ message_id: number }>('sendMessage', { chat_id: chatId, text: clip(message.html, MESSAGE_MAX), parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    return { providerMessageId: String(sent.message_id) };
  }
}

/** Escapes text for Telegram's HTML parse mode (and e-mail HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(html: string, max: number): string {
  return html.length <= max ? html : `${html.slice(0, max - 1)}…`;
}
