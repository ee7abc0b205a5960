import type { TelegramChatResponse } from '@mcube/contracts';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { login, startSecurityApp, type SecurityApp, type SessionAuth } from '../security/security-app';

/** The bot's chat allow-list over REST: the telegram module writes alerts' `telegram_chats` through alerts' commands. */
describe('the Telegram chat allow-list over REST', () => {
  let s: SecurityApp;
  let admin: SessionAuth;

  beforeAll(async () => {
    s = await startSecurityApp();
    admin = await login(s, 'admin');
  });
  afterAll(async () => {
    await s?.close();
  });

  const add = (body: Record<string, unknown>) => s.http().post('/api/alerts/telegram-chats').set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send(body);
  const remove = (id: number) => s.http().delete(`/api/alerts/telegram-chats/${id}`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken);
  const list = async () => (await s.http().get('/api/alerts/telegram-chats').set('cookie', admin.cookie).expect(200)).body as TelegramChatResponse[];
  const audits = (action: string) => s.dataSource.getRepository(AuditLogEntity).find({ where: { action }, order: { id: 'ASC' } });

  it('adds a chat bound to a user (alerts on by default), refuses the same chat twice and an unknown user, lists and removes it, audited', async () => {
    const trader = s.users.trader;
    const created = (await add({ chatId: '424242', userId: trader.id, label: 'desk phone' }).expect(201)).body as TelegramChatResponse;
    expect(created).toEqual({ id: expect.any(Number), chatId: '424242', label: 'desk phone', userId: trader.id, username: trader.username, role: 'trader', receivesAlerts: true });
    await add({ chatId: '424242', userId: trader.id, label: 'again' }).expect(409);
    await add({ chatId: '434343', userId: 999_999, label: 'nobody' }).expect(404);
    expect((await list()).map((c) => c.chatId)).toEqual(['424242']);
    expect((await audits('telegram.chat-add')).map((a) => a.entityId)).toEqual(['424242']);

    await remove(created.id).expect(204);
    await remove(created.id).expect(404);
    expect(await list()).toEqual([]);
    expect((await audits('telegram.chat-remove')).map((a) => a.entityId)).toEqual(['424242']);
  });
});
