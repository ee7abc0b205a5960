import { AppException } from '../../src/common/errors/app-exception';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { ICICI_SESSION_PORT, type IciciSessionPort, type IciciSessionView } from '../../src/modules/telegram/icici-session.port';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { linesLeaking } from '../security/security-app';
import { startAlertChannelsApp, TRADER_CHAT, VIEWER_CHAT, type AlertChannelsApp } from './alert-channels-app';

const KEY = '51627384';
const STRANGER_CHAT = 7770002;

/**
 * The ICICI day session behind the port, with the port's guarantees: a key ICICI would refuse
 * throws DOMAIN_RULE_VIOLATED; an accepted one is today's session. (The real exchange through
 * the local Breeze server is tested with the console's form and the REST route.)
 */
class FakeIciciSessions implements IciciSessionPort {
  readonly entered: { accountId: number; key: string }[] = [];
  private readonly stored = new Set<number>();

  async status(accountId: number): Promise<IciciSessionView> {
    const has = this.stored.has(accountId);
    return { accountId, today: '2026-03-02', hasSessionToday: has, loginUrl: 'https://api.icicidirect.com/apiuser/login?api_key=e2e%2Bkey', ...(has ? { session: 'ICICI Breeze session of XY****21 from 2026-03-02' } : {}) };
  }

  async enter(accountId: number, key: string): Promise<IciciSessionView> {
    this.entered.push({ accountId, key });
    if (key !== KEY) throw new AppException('DOMAIN_RULE_VIOLATED', 'ICICI refused the session key: Invalid session.');
    this.stored.add(accountId);
    return this.status(accountId);
  }
}

describe('the ICICI day session key by Telegram (/icici), through the same session service as the console', () => {
  let a: AlertChannelsApp;
  const sessions = new FakeIciciSessions();
  let iciciId = 0;
  let nextMessageId = 900_001;

  beforeAll(async () => {
    a = await startAlertChannelsApp({ overrides: [{ provide: ICICI_SESSION_PORT, useValue: sessions }] });
    iciciId = (await a.s.dataSource.getRepository(BrokerAccount).findOneByOrFail({ broker: 'ICICI' })).id;
  });
  afterAll(async () => {
    await a?.close();
    expect(linesLeaking([KEY])).toEqual([]);
  });

  /** Sends `text` from `chat`; returns the bot's answer and the id of the sent message. */
  const ask = async (chat: number, text: string) => {
    const before = a.telegram.delivered('sendMessage', chat).length;
    // As `sendText`, with a message id of our own to look for in deleteMessage.
    const messageId = nextMessageId++;
    const entities = [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }];
    a.telegram.pushUpdate({ message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'T' }, text, entities } });
    await a.telegram.waitFor(() => a.telegram.delivered('sendMessage', chat).length > before, 5000, `answer to ${text}`);
    return { text: String(a.telegram.delivered('sendMessage', chat)[before].params['text']), messageId };
  };
  const deleted = (chat: number) => a.telegram.delivered('deleteMessage', chat).map((c) => Number(c.params['message_id']));
  const auditDump = async () => JSON.stringify(await a.s.dataSource.getRepository(AuditLogEntity).find());

  it('/icici shows the day\'s state with ICICI\'s login link to a trader; a viewer sees the state without the link', async () => {
    const trader = await ask(TRADER_CHAT, '/icici');
    expect(trader.text).toContain('<b>ICICI futures</b>');
    expect(trader.text).toContain('no session key for 2026-03-02');
    expect(trader.text).toContain('href="https://api.icicidirect.com/apiuser/login?api_key=e2e%2Bkey"');
    expect(trader.text).toContain('/icici &lt;key&gt;');
    const viewer = await ask(VIEWER_CHAT, '/icici');
    expect(viewer.text).toContain('no session key for 2026-03-02');
    expect(viewer.text).not.toContain('href=');
    expect(deleted(TRADER_CHAT)).toEqual([]);
  });

  it('a trader\'s /icici <key> is exchanged for the ICICI account, the message with the key is deleted, and the key is never audited', async () => {
    const { text, messageId } = await ask(TRADER_CHAT, `/icici ${KEY}`);
    expect(text).toMatch(/✅ ICICI day session of 2026-03-02 stored for <b>ICICI futures<\/b>/);
    expect(text).not.toContain(KEY);
    expect(sessions.entered).toEqual([{ accountId: iciciId, key: KEY }]);
    await a.telegram.waitFor(() => deleted(TRADER_CHAT).includes(messageId), 5000, 'deleteMessage');
    expect((await ask(TRADER_CHAT, '/icici')).text).toContain('session of 2026-03-02 entered (ICICI Breeze session of XY****21');
    const dump = await auditDump();
    expect(dump).toContain('[session key withheld]');
    expect(dump).not.toContain(KEY);
  });

  it('a refused key, a malformed one, a viewer\'s and a stranger\'s are answered, nothing stored for them, and each message is still deleted', async () => {
    const before = sessions.entered.length;
    const refused = await ask(TRADER_CHAT, '/icici 99999999');
    expect(refused.text).toBe('⛔ ICICI refused the session key: Invalid session.');
    const malformed = await ask(TRADER_CHAT, '/icici not-a-key!');
    expect(malformed.text).toMatch(/letters and digits/);
    const viewer = await ask(VIEWER_CHAT, `/icici ${KEY}`);
    expect(viewer.text).toBe('⛔ /icici &lt;key&gt; needs the trader role or above; you are viewer');
    const stranger = await ask(STRANGER_CHAT, `/icici ${KEY}`);
    expect(stranger.text).toMatch(/^Sorry, this chat is not allowed/);
    expect(sessions.entered.slice(before).map((e) => e.key)).toEqual(['99999999']);
    await a.telegram.waitFor(() => deleted(TRADER_CHAT).includes(malformed.messageId) && deleted(VIEWER_CHAT).includes(viewer.messageId) && deleted(STRANGER_CHAT).includes(stranger.messageId), 5000, 'deleteMessage');
    expect(deleted(TRADER_CHAT)).toContain(refused.messageId);
    expect(await auditDump()).not.toContain(KEY);
  });
});
