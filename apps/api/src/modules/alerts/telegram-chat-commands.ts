import type { EntityManager } from 'typeorm';
import { TelegramChat } from './entities/telegram-chat.entity';
import type { TelegramChatFacts } from './telegram-chat-reads';

/**
 * The alerts module's writes of `telegram_chats` that the Telegram bot's admin commands, in the
 * caller's transaction so the change commits or rolls back with its audit row.
 */

/** A chat to allow-list; `receivesAlerts` defaults to true. */
export interface NewTelegramChat {
  readonly chatId: string;
  readonly userId: number;
  readonly label: string;
  readonly receivesAlerts?: boolean;
}

/** Adds a chat to the allow-list; a chat id already listed fails on the unique constraint. Returns the stored row. */
export function addTelegramChat(m: EntityManager, chat: NewTelegramChat): Promise<TelegramChatFacts> {
  return m.save(TelegramChat, m.create(TelegramChat, { chatId: chat.chatId, userId: chat.userId, label: chat.label, receivesAlerts: chat.receivesAlerts ?? true }));
}

/** Removes chat row `id` from the allow-list. */
export async function removeTelegramChat(m: EntityManager, id: number): Promise<void> {
  await m.delete(TelegramChat, id);
}
