import type { DataSource, EntityManager } from 'typeorm';
import { TelegramChat } from './entities/telegram-chat.entity';

/**
 * The alerts module's reads of `telegram_chats` (the bot's allow-list, which the alerts'
 * Telegram channel sends to) for the Telegram bot, so that it never imports the entity.
 */

/** An allow-listed chat as other modules see it: read-only (`telegram-chat-commands.ts` writes). */
export type TelegramChatFacts = Readonly<TelegramChat>;

/** Every allow-listed chat, in id order. */
export function telegramChats(source: DataSource | EntityManager): Promise<TelegramChatFacts[]> {
  return source.getRepository(TelegramChat).find({ order: { id: 'ASC' } });
}

/** The allow-listed chat row `id`, or null. */
export function telegramChatById(source: DataSource | EntityManager, id: number): Promise<TelegramChatFacts | null> {
  return source.getRepository(TelegramChat).findOne({ where: { id } });
}

/** The allow-listed chat with Telegram's chat id `chatId`, or null. */
export function telegramChatOf(source: DataSource | EntityManager, chatId: string): Promise<TelegramChatFacts | null> {
  return source.getRepository(TelegramChat).findOne({ where: { chatId } });
}
