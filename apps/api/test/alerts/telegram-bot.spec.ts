import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { APPROVALS_PORT } from '../../src/modules/strategies/approvals/approvals.port';
import { TelegramApprovalCardsService } from '../../src/modules/telegram/telegram-approval-cards.service';
import { AlertLog } from '../../src/modules/alerts/entities/alert-log.entity';
import { TelegramApprovalCard } from '../../src/modules/telegram/entities/telegram-approval-card.entity';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { positionFor } from '../db/fixtures';
import { linesLeaking } from '../security/security-app';
import { ADMIN_CHAT, CHANNEL_SECRETS, startAlertChannelsApp, TRADER_CHAT, VIEWER_CHAT, type AlertChannelsApp } from './alert-channels-app';
import { InMemoryApprovals } from './fakes/in-memory-approvals.fake';

const STRANGER_CHAT = 7770001;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the Telegram bot driven by telegraf against a local Bot API server', () => {
  let a: AlertChannelsApp;
  const approvals = new InMemoryApprovals();

  beforeAll(async () => {
    a = await startAlertChannelsApp({ overrides: [{ provide: APPROVALS_PORT, useValue: approvals }] });
  });
  afterAll(async () => {
    await a?.close();
    expect(linesLeaking(Object.values(CHANNEL_SECRETS))).toEqual([]);
  });

  /** Sends `text` from `chat` and waits for the bot's next sendMessage to that chat. */
  const ask = async (chat: number, text: string) => {
    const before = a.telegram.delivered('sendMessage', chat).length;
    a.telegram.sendText(chat, text);
    await a.telegram.waitFor(() => a.telegram.delivered('sendMessage', chat).length > before, 5000, `answer to ${text}`);
    return a.telegram.delivered('sendMessage', chat)[before].params;
  };
  const press = async (chat: number, messageId: number, data: string) => {
    const before = a.telegram.delivered('answerCallbackQuery').length;
    a.telegram.pressButton(chat, messageId, data);
    await a.telegram.waitFor(() => a.telegram.delivered('answerCallbackQuery').length > before, 5000, `answer to button ${data}`);
    await a.settle();
    return a.telegram.delivered('answerCallbackQuery')[before].params;
  };
  const states = async () => (await a.s.dataSource.getRepository(BrokerAccount).find({ order: { id: 'ASC' } })).map((x) => x.tradingState);
  const audits = (action: string) => a.s.dataSource.getRepository(AuditLogEntity).find({ where: { action }, order: { id: 'ASC' } });
  const buttonsOf = (params: Record<string, unknown>) => ((params['reply_markup'] as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard ?? []).flat();

  it('answers /status to an allow-listed chat with every account, and audits the command as its user', async () => {
    const reply = await ask(TRADER_CHAT, '/status');
    expect(reply['parse_mode']).toBe('HTML');
    expect(reply['text']).toContain('<b>Kotak strangle</b>');
    expect(reply['text']).toContain('<b>ICICI futures</b>');
    expect(reply['text']).toContain('State ACTIVE');
    const [audit] = (await audits('telegram.command')).filter((x) => x.newValue?.includes('"status"'));
    expect([audit.actor, audit.entityId, audit.correlationId]).toEqual(['trader', String(TRADER_CHAT), expect.stringMatching(/^telegram-\d+$/)]);
  });

  it('lists the open positions on /positions, each under its account\'s name', async () => {
    expect((await ask(VIEWER_CHAT, '/positions'))['text']).toBe('No open position.');
    const account = await a.s.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: a.s.accounts.kotakId });
    const { identifiers } = await a.s.dataSource.getRepository(Position).insert(positionFor(account.id));
    const text = String((await ask(VIEWER_CHAT, '/positions'))['text']);
    expect(text).toContain(`#${identifiers[0]['id']} <b>${account.name}</b>: `);
    await a.s.dataSource.getRepository(Position).delete(identifiers[0]['id']);
  });

  it('refuses an unknown chat politely, changes nothing and audits the refusal', async () => {
    const reply = await ask(STRANGER_CHAT, '/kill now');
    expect(reply['text']).toMatch(/^Sorry, this chat is not allowed to use mCube/);
    expect(reply['text']).toContain(`<code>${STRANGER_CHAT}</code>`);
    expect(await states()).toEqual(['ACTIVE', 'ACTIVE']);
    expect((await audits('telegram.refused')).map((x) => [x.actor, x.entityId])).toEqual([['system', String(STRANGER_CHAT)]]);
  });

  it('lets a viewer read but not /kill or /approve', async () => {
    expect((await ask(VIEWER_CHAT, '/pnl'))['text']).toContain('Week ');
    expect((await ask(VIEWER_CHAT, '/kill market gap'))['text']).toBe('⛔ /kill needs the trader role or above; you are viewer');
    expect((await ask(VIEWER_CHAT, '/approve A1'))['text']).toBe('⛔ /approve needs the trader role or above; you are viewer');
    expect(await states()).toEqual(['ACTIVE', 'ACTIVE']);
  });

  it('halts every account on /kill only after the confirmation button, through the kill switch (audited as the trader)', async () => {
    const reply = await ask(TRADER_CHAT, '/kill market gap down');
    const [confirm, cancel] = buttonsOf(reply);
    expect([confirm.text, cancel.text]).toEqual(['Confirm HALTED', 'Cancel']);
    expect(await states()).toEqual(['ACTIVE', 'ACTIVE']);
    const cardId = a.telegram.delivered('sendMessage', TRADER_CHAT).length + 99;
    // A viewer pressing the trader's button changes nothing.
    expect((await press(VIEWER_CHAT, cardId, confirm.callback_data))['text']).toBe('Expired');
    expect(await states()).toEqual(['ACTIVE', 'ACTIVE']);
    expect((await press(TRADER_CHAT, cardId, confirm.callback_data))['text']).toBe('HALTED');
    expect(await states()).toEqual(['HALTED', 'HALTED']);
    const edit = a.telegram.delivered('editMessageText', TRADER_CHAT).at(-1)!.params;
    expect(edit['text']).toBe('✅ HALTED on Kotak strangle, ICICI futures (by trader: market gap down)');
    expect((await audits('KILL_SWITCH')).map((x) => [x.actor, x.newValue])).toEqual([
      ['trader', JSON.stringify({ tradingState: 'HALTED', reason: 'market gap down', setByRole: 'trader', setBy: 'trader' })],
      ['trader', JSON.stringify({ tradingState: 'HALTED', reason: 'market gap down', setByRole: 'trader', setBy: 'trader' })],
    ]);
    // The same button again: the confirmation is spent.
    expect((await press(TRADER_CHAT, cardId, confirm.callback_data))['text']).toBe('Expired');
  });

  it('resumes only for an admin, after confirmation', async () => {
    expect((await ask(TRADER_CHAT, '/resume'))['text']).toBe('⛔ /resume needs the admin role or above; you are trader');
    const [confirm] = buttonsOf(await ask(ADMIN_CHAT, '/resume'));
    await press(ADMIN_CHAT, 1, confirm.callback_data);
    expect(await states()).toEqual(['ACTIVE', 'ACTIVE']);
  });

  it('pushes approval cards to the chats that may decide, and keeps every card in step with decisions taken anywhere', async () => {
    const cards = a.s.app.get(TelegramApprovalCardsService);
    const base = { accountId: a.s.accounts.iciciId, summary: 'BUY RELIANCE FUT ×250 at 2,950; stop 2,890; LLM: VALID (0.82)', createdAtMs: Date.now(), expiresAtMs: Date.now() + 900_000 };
    approvals.create({ ...base, id: 'A1', title: 'RELIANCE long' });
    approvals.create({ ...base, id: 'A2', title: 'TCS short' });
    approvals.create({ ...base, id: 'A3', title: 'INFY long' });
    await cards.whenIdle();
    const stored = await a.s.dataSource.getRepository(TelegramApprovalCard).find({ order: { id: 'ASC' } });
    expect(stored.map((c) => [c.approvalId, c.chatId, c.state])).toEqual([
      ['A1', String(TRADER_CHAT), 'PENDING'], ['A1', String(ADMIN_CHAT), 'PENDING'],
      ['A2', String(TRADER_CHAT), 'PENDING'], ['A2', String(ADMIN_CHAT), 'PENDING'],
      ['A3', String(TRADER_CHAT), 'PENDING'], ['A3', String(ADMIN_CHAT), 'PENDING'],
    ]);
    const card = a.telegram.delivered('sendMessage', TRADER_CHAT).find((c) => String(c.params['text']).includes('RELIANCE long'))!;
    expect(buttonsOf(card.params).map((b) => b.callback_data)).toEqual(['approve:A1', 'reject:A1']);

    // /approve by command: decided by the trader, both cards of A1 edited.
    expect((await ask(TRADER_CHAT, '/approve A1'))['text']).toBe('✅ A1 approved by trader');
    await cards.whenIdle();
    expect(approvals.decisions.find((d) => d.id === 'A1')).toMatchObject({ state: 'APPROVED', by: 'trader' });
    const a1 = await a.s.dataSource.getRepository(TelegramApprovalCard).find({ where: { approvalId: 'A1' } });
    expect(a1.map((c) => c.state)).toEqual(['APPROVED', 'APPROVED']);
    expect(a.telegram.delivered('editMessageText', ADMIN_CHAT).some((c) => String(c.params['text']).includes('<b>Approved</b> · A1 by trader'))).toBe(true);
    expect((await ask(TRADER_CHAT, '/approve A1'))['text']).toBe('⛔ approval A1 was already decided');

    // The Reject button on the admin's card.
    const adminCard = stored.find((c) => c.approvalId === 'A2' && c.chatId === String(ADMIN_CHAT))!;
    expect((await press(ADMIN_CHAT, adminCard.messageId, 'reject:A2'))['text']).toBe('❌ A2 rejected by admin');
    await cards.whenIdle();
    expect(approvals.decisions.find((d) => d.id === 'A2')).toMatchObject({ state: 'REJECTED', by: 'admin', reason: 'rejected from Telegram' });

    // Decided in the console, and an expiry: the Telegram cards say so.
    approvals.decideInConsole('A3', 'admin');
    await cards.whenIdle();
    approvals.create({ ...base, id: 'A4', title: 'HDFC long' });
    await cards.whenIdle();
    approvals.expire('A4');
    await cards.whenIdle();
    const all = await a.s.dataSource.getRepository(TelegramApprovalCard).find({ order: { id: 'ASC' } });
    expect(all.map((c) => `${c.approvalId}:${c.state}`)).toEqual(['A1:APPROVED', 'A1:APPROVED', 'A2:REJECTED', 'A2:REJECTED', 'A3:APPROVED', 'A3:APPROVED', 'A4:EXPIRED', 'A4:EXPIRED']);
    expect(a.telegram.delivered('editMessageText', TRADER_CHAT).some((c) => String(c.params['text']).startsWith('⌛ <b>Expired</b> · A4'))).toBe(true);
    expect((await ask(TRADER_CHAT, '/approvals'))['text']).toBe('No approval pending.');
  });

  it('sends the 16:00 daily report by Telegram (photo) and e-mail (PNG attachment), and on /report', async () => {
    expect((await ask(TRADER_CHAT, '/report'))['text']).toBe('No daily report yet.');
    const handler = a.s.app.get(JobHandlersRegistry).handlerFor('analytics.daily-report');
    await handler({ slot: '2026-03-10T16:00:00' }, { name: 'analytics.daily-report', jobId: 'analytics.daily-report@test', attempt: 1 });
    await a.settle();
    const photo = a.telegram.delivered('sendPhoto', TRADER_CHAT).at(-1)!;
    expect(photo.file?.data.subarray(0, 8)).toEqual(PNG_MAGIC);
    expect(photo.file?.filename).toBe('pnl-2026-03-10.png');
    const text = String(a.telegram.delivered('sendMessage', TRADER_CHAT).at(-1)!.params['text']);
    for (const part of ['<b>Daily report 2026-03-10</b>', '<b>Kotak strangle</b>', 'Risk: daily loss limit', 'Targets: week', '<b>By strategy</b>', '<b>Trades and exit reasons</b>', '<b>Tomorrow</b>', '2026-03-11']) expect(text).toContain(part);
    await a.smtp.waitFor(() => a.smtp.received.some((m) => m.raw.includes('Daily report 2026-03-10')));
    const mail = a.smtp.received.find((m) => m.raw.includes('Daily report 2026-03-10'))!;
    expect(mail.raw).toMatch(/Content-Type: image\/png; name=pnl-2026-03-10\.png/);
    expect(mail.raw).toContain(PNG_MAGIC.toString('base64').slice(0, 10));
    // Once a day: a redelivered job does not send it again; SMS never gets it.
    await handler({ slot: '2026-03-10T16:00:00' }, { name: 'analytics.daily-report', jobId: 'analytics.daily-report@test', attempt: 2 });
    await a.settle();
    expect(a.smtp.received.filter((m) => m.raw.includes('Daily report 2026-03-10'))).toHaveLength(1);
    const digestLogs = await a.s.dataSource.getRepository(AlertLog).find({ where: { channel: 'SMS' } });
    expect(digestLogs).toEqual([]);

    const photos = a.telegram.delivered('sendPhoto', TRADER_CHAT).length;
    await ask(TRADER_CHAT, '/report');
    expect(a.telegram.delivered('sendPhoto', TRADER_CHAT)).toHaveLength(photos + 1);
  });
});

describe('the Telegram bot in webhook mode', () => {
  let a: AlertChannelsApp;
  const secret = 'webhook-secret-0123456789';

  beforeAll(async () => {
    a = await startAlertChannelsApp({ env: { TELEGRAM_WEBHOOK_URL: 'https://mcube.example/api/telegram/webhook', TELEGRAM_WEBHOOK_SECRET: secret } });
  });
  afterAll(async () => {
    await a?.close();
  });

  const update = (chat: number, text: string) => ({ update_id: 9001, message: { message_id: 1, date: 0, chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'T' }, text, entities: [{ type: 'bot_command', offset: 0, length: text.length }] } });

  it('registers the webhook with its secret and answers only updates that carry it', async () => {
    await a.telegram.waitFor(() => a.telegram.delivered('setWebhook').length === 1, 5000, 'setWebhook');
    expect(a.telegram.delivered('setWebhook')[0].params).toMatchObject({ url: 'https://mcube.example/api/telegram/webhook', secret_token: secret });
    await a.s.http().post('/api/telegram/webhook').send(update(TRADER_CHAT, '/status')).expect(401);
    await a.s.http().post('/api/telegram/webhook').set('x-telegram-bot-api-secret-token', 'wrong-secret-0123456789').send(update(TRADER_CHAT, '/status')).expect(401);
    expect(a.telegram.delivered('sendMessage')).toHaveLength(0);
    await a.s.http().post('/api/telegram/webhook').set('x-telegram-bot-api-secret-token', secret).send(update(TRADER_CHAT, '/status')).expect(200);
    expect(String(a.telegram.delivered('sendMessage', TRADER_CHAT)[0].params['text'])).toContain('<b>Kotak strangle</b>');
    // Long polling stays off in webhook mode.
    expect(a.telegram.calls.filter((c) => c.method === 'deleteWebhook')).toHaveLength(0);
  });
});
