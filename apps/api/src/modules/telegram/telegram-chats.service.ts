import { Injectable } from '@nestjs/common';
import type { TelegramChatResponse } from '@mcube/contracts';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import type { Principal } from '../../common/request-context/principal';
import { inTransaction } from '../../database/in-transaction';
import { isUniqueViolation } from '../orders/unique-violation';
import { AuditService } from '../core/audit/audit.service';
import { userExists, usersByIds } from '../core/users/user-reads';
import type { CreateTelegramChatDto } from '../alerts/dto/create-telegram-chat.dto';
import { addTelegramChat, removeTelegramChat } from '../alerts/telegram-chat-commands';
import { telegramChatById, telegramChatOf, telegramChats } from '../alerts/telegram-chat-reads';

/** The bot's allow-list: chats bound to mCube users (admin, audited), and who a chat is. */
@Injectable()
export class TelegramChatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<TelegramChatResponse[]> {
    const chats = await telegramChats(this.dataSource);
    const users = await usersByIds(this.dataSource.manager, chats.map((c) => c.userId));
    return chats.map((c) => ({ id: c.id, chatId: c.chatId, label: c.label, userId: c.userId, username: users.get(c.userId)?.username ?? '?', role: users.get(c.userId)?.role ?? 'viewer', receivesAlerts: c.receivesAlerts }));
  }

  /** Adds a chat. Throws NOT_FOUND for an unknown user, CONFLICT for a chat already listed. */
  async add(dto: CreateTelegramChatDto): Promise<TelegramChatResponse> {
    try {
      const id = await inTransaction(this.dataSource, async (m) => {
        if (!(await userExists(m, dto.userId))) throw new AppException('NOT_FOUND', `user ${dto.userId} not found`);
        const row = await addTelegramChat(m, { chatId: dto.chatId, userId: dto.userId, label: dto.label, receivesAlerts: dto.receivesAlerts });
        await this.audit.record({ action: 'telegram.chat-add', entity: 'telegram_chat', entityId: dto.chatId, newValue: { userId: dto.userId, label: dto.label, receivesAlerts: row.receivesAlerts } }, m);
        return row.id;
      });
      return (await this.list()).find((c) => c.id === id) as TelegramChatResponse;
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppException('CONFLICT', `chat ${dto.chatId} is already on the allow-list`);
      throw err;
    }
  }

  /** Removes chat row `id`. Throws NOT_FOUND. */
  async remove(id: number): Promise<void> {
    await inTransaction(this.dataSource, async (m) => {
      const chat = await telegramChatById(m, id);
      if (!chat) throw new AppException('NOT_FOUND', `telegram chat ${id} not found`);
      await removeTelegramChat(m, id);
      await this.audit.record({ action: 'telegram.chat-remove', entity: 'telegram_chat', entityId: chat.chatId, oldValue: { userId: chat.userId, label: chat.label } }, m);
    });
  }

  /** The principal of an allow-listed chat whose user is active, else null. */
  async principalOf(chatId: string): Promise<Principal | null> {
    const chat = await telegramChatOf(this.dataSource, chatId);
    const user = chat ? (await usersByIds(this.dataSource.manager, [chat.userId])).get(chat.userId) : undefined;
    if (!chat || !user || !user.isActive) return null;
    return { userId: user.id, username: user.username, role: user.role, via: 'session', credentialId: `telegram:${chat.chatId}` };
  }

  /** Chats whose user may decide approvals (trader or admin). */
  async approverChats(): Promise<string[]> {
    const chats = await telegramChats(this.dataSource);
    const users = await usersByIds(this.dataSource.manager, chats.map((c) => c.userId));
    return chats.filter((c) => users.get(c.userId)?.isActive && users.get(c.userId)?.role !== 'viewer').map((c) => c.chatId);
  }
}
