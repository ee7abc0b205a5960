import type { AlertChannelStatusResponse, AlertDeliveryResponse } from '@mcube/contracts';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { AlertLog } from '../../src/modules/alerts/entities/alert-log.entity';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { linesLeaking, login, type SessionAuth } from '../security/security-app';
import { CHANNEL_SECRETS, startAlertChannelsApp, TRADER_CHAT, type AlertChannelsApp } from './alert-channels-app';

const MIN = 60_000;

describe('alerts leave the box: Telegram, e-mail and SMS against local servers', () => {
  let a: AlertChannelsApp;
  let admin: SessionAuth;
  let viewer: SessionAuth;
  let seq = 0;

  beforeAll(async () => {
    a = await startAlertChannelsApp();
    admin = await login(a.s, 'admin');
    viewer = await login(a.s, 'viewer');
  });
  afterAll(async () => {
    await a?.close();
    expect(linesLeaking(Object.values(CHANNEL_SECRETS))).toEqual([]);
  });

  const raise = async (severity: 'INFO' | 'WARNING' | 'CRITICAL', over: { dedupKey?: string; title?: string; atMs?: number } = {}) => {
    const alert = await a.alerts.raise({ accountId: a.s.accounts.kotakId, severity, category: 'RISK', title: over.title ?? `${severity} alert ${++seq}`, message: `Net delta 420 > 300 <check> & act`, dedupKey: over.dedupKey ?? null, occurredAtMs: over.atMs ?? a.clock.nowMs() });
    await a.settle();
    return alert;
  };
  const logsOf = (alertId: number) => a.s.dataSource.getRepository(AlertLog).find({ where: { alertId }, order: { id: 'ASC' } });
  const rows = (logs: AlertLog[]) => logs.map((l) => [l.channel, l.status, l.attempt]);
  const tgTo = (title: string) => a.telegram.delivered('sendMessage', TRADER_CHAT).filter((c) => String(c.params['text']).includes(title));
  const mailsWith = (title: string) => a.smtp.received.filter((m) => m.raw.includes(title));
  const smsWith = (title: string) => a.twilio.delivered().filter((m) => m.body.includes(title));

  it('sends a CRITICAL once on each channel, formatted, with one SENT row per channel and the provider ids', async () => {
    const alert = (await raise('CRITICAL', { title: 'Circuit breaker tripped' }))!;
    const [tg] = tgTo('Circuit breaker tripped');
    expect(tg.params).toMatchObject({ chat_id: String(TRADER_CHAT), parse_mode: 'HTML' });
    expect(tg.params['text']).toContain('<b>CRITICAL</b>');
    expect(tg.params['text']).toContain('&lt;check&gt; &amp; act');
    // The footer names the account (read through the accounts module).
    const { name } = await a.s.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: a.s.accounts.kotakId });
    expect(tg.params['text']).toContain(`<i>${name} · RISK · `);
    expect(tgTo('Circuit breaker tripped')).toHaveLength(1);
    const [mail] = mailsWith('Circuit breaker tripped');
    expect(mail.to).toEqual(['trader@mcube.test']);
    expect(mail.raw).toMatch(/Subject: \[mCube CRITICAL\] Circuit breaker tripped/);
    expect(mail.raw).toContain('text/plain');
    expect(mail.raw).toContain('text/html');
    expect(mailsWith('Circuit breaker tripped')).toHaveLength(1);
    const [sms] = smsWith('Circuit breaker tripped');
    expect(sms).toMatchObject({ to: '+919800000001', from: '+15005550006' });
    expect(smsWith('Circuit breaker tripped')).toHaveLength(1);
    const logs = await logsOf(alert.id);
    expect(rows(logs)).toEqual([['TELEGRAM', 'SENT', 1], ['EMAIL', 'SENT', 1], ['SMS', 'SENT', 1]]);
    expect(logs.find((l) => l.channel === 'SMS')?.providerMessageId).toBe(sms.sid);
    expect(logs.find((l) => l.channel === 'EMAIL')?.providerMessageId).toMatch(/^<.+@.+>$/);
    expect(logs.find((l) => l.channel === 'TELEGRAM')?.recipient).toBe(String(TRADER_CHAT));
  });

  it('routes WARNING to Telegram and e-mail and INFO to Telegram only', async () => {
    const warning = (await raise('WARNING', { title: 'Loss at 80 percent' }))!;
    expect([tgTo('Loss at 80 percent').length, mailsWith('Loss at 80 percent').length, smsWith('Loss at 80 percent').length]).toEqual([1, 1, 0]);
    expect(rows(await logsOf(warning.id)).sort()).toEqual([['EMAIL', 'SENT', 1], ['TELEGRAM', 'SENT', 1]]);
    const info = (await raise('INFO', { title: 'Entry skipped today' }))!;
    expect([tgTo('Entry skipped today').length, mailsWith('Entry skipped today').length, smsWith('Entry skipped today').length]).toEqual([1, 0, 0]);
    expect(rows(await logsOf(info.id))).toEqual([['TELEGRAM', 'SENT', 1]]);
  });

  it('honours Telegram 429 retry_after: one RETRYING row, then SENT no earlier than asked, sent once', async () => {
    a.telegram.fail('sendMessage', { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } });
    const alert = (await raise('INFO', { title: 'Rate limited info' }))!;
    const logs = await logsOf(alert.id);
    expect(rows(logs)).toEqual([['TELEGRAM', 'RETRYING', 1], ['TELEGRAM', 'SENT', 2]]);
    expect(logs[0].errorMessage).toMatch(/^RATE_LIMITED: Telegram sendMessage: 429 Too Many Requests/);
    const attempts = a.telegram.calls.filter((c) => c.method === 'sendMessage' && String(c.params['text']).includes('Rate limited info'));
    expect(attempts.map((c) => c.outcome)).toEqual(['error', 'ok']);
    expect(attempts[1].atMs - attempts[0].atMs).toBeGreaterThanOrEqual(950);
  });

  it('retries 5xx with backoff and a timeout (no answer) until the provider takes it', async () => {
    a.twilio.fail({ status: 503 }, 2);
    a.telegram.fail('sendMessage', { hang: true });
    const alert = (await raise('CRITICAL', { title: 'Flaky providers' }))!;
    const logs = await logsOf(alert.id);
    expect(rows(logs.filter((l) => l.channel === 'SMS'))).toEqual([['SMS', 'RETRYING', 1], ['SMS', 'RETRYING', 2], ['SMS', 'SENT', 3]]);
    expect(logs.find((l) => l.channel === 'SMS')?.errorMessage).toMatch(/^TEMPORARY: Twilio: 503/);
    expect(rows(logs.filter((l) => l.channel === 'TELEGRAM'))).toEqual([['TELEGRAM', 'RETRYING', 1], ['TELEGRAM', 'SENT', 2]]);
    expect(logs.find((l) => l.channel === 'TELEGRAM')?.errorMessage).toBe('TEMPORARY: Telegram sendMessage: no answer within 700 ms');
    expect(smsWith('Flaky providers')).toHaveLength(1);
    expect(tgTo('Flaky providers')).toHaveLength(1);
  });

  it('retries an SMTP 451 and gives up after the policy on a provider that stays down', async () => {
    a.smtp.faults.push({ responseCode: 451, message: 'Try again later' });
    const alert = (await raise('WARNING', { title: 'SMTP greylisted' }))!;
    expect(rows((await logsOf(alert.id)).filter((l) => l.channel === 'EMAIL'))).toEqual([['EMAIL', 'RETRYING', 1], ['EMAIL', 'SENT', 2]]);
    expect(mailsWith('SMTP greylisted')).toHaveLength(1);

    a.twilio.fail({ status: 500 }, 4);
    const down = (await raise('CRITICAL', { title: 'Twilio down' }))!;
    expect(rows((await logsOf(down.id)).filter((l) => l.channel === 'SMS'))).toEqual([['SMS', 'RETRYING', 1], ['SMS', 'RETRYING', 2], ['SMS', 'RETRYING', 3], ['SMS', 'FAILED', 4]]);
    const warnings = await a.s.dataSource.getRepository(Alert).find({ where: { title: 'Alert channel SMS is failing' } });
    expect(warnings).toHaveLength(1);
    // The WARNING goes to the other channels, never to the failing one.
    expect(rows(await logsOf(warnings[0].id)).sort()).toEqual([['EMAIL', 'SENT', 1], ['TELEGRAM', 'SENT', 1]]);
    const status = (await a.s.http().get('/api/alerts/channels').set('cookie', viewer.cookie).expect(200)).body as AlertChannelStatusResponse[];
    expect(status.find((c) => c.channel === 'SMS')).toMatchObject({ configured: true, failing: true, lastError: expect.stringMatching(/^TEMPORARY: Twilio: 500/) });
    // Back to health: the next SMS clears the failing flag.
    await raise('CRITICAL', { title: 'Twilio back' });
    const after = (await a.s.http().get('/api/alerts/channels').set('cookie', viewer.cookie).expect(200)).body as AlertChannelStatusResponse[];
    expect(after.find((c) => c.channel === 'SMS')).toMatchObject({ failing: false, lastSuccessAtMs: a.clock.nowMs() });
  });

  it('does not retry a refused recipient (unknown chat) or a revoked token, logs it and tells the other channels once', async () => {
    a.telegram.unknownChats.add(String(TRADER_CHAT));
    const unknown = (await raise('WARNING', { title: 'To an unknown chat' }))!;
    a.telegram.unknownChats.clear();
    expect(rows((await logsOf(unknown.id)).filter((l) => l.channel === 'TELEGRAM'))).toEqual([['TELEGRAM', 'FAILED', 1]]);
    expect((await logsOf(unknown.id)).find((l) => l.channel === 'TELEGRAM')?.errorMessage).toBe('REJECTED: Telegram sendMessage: 400 Bad Request: chat not found');

    a.telegram.revoked = true;
    a.twilio.revoked = true;
    a.clock.advance(61 * MIN);
    const revoked = (await raise('CRITICAL', { title: 'With revoked tokens' }))!;
    a.telegram.revoked = false;
    a.twilio.revoked = false;
    const logs = await logsOf(revoked.id);
    expect(rows(logs).sort()).toEqual([['EMAIL', 'SENT', 1], ['SMS', 'FAILED', 1], ['TELEGRAM', 'FAILED', 1]]);
    expect(logs.find((l) => l.channel === 'TELEGRAM')?.errorMessage).toMatch(/^AUTH_EXPIRED: Telegram sendMessage: 401 Unauthorized/);
    expect(logs.find((l) => l.channel === 'SMS')?.errorMessage).toMatch(/^AUTH_EXPIRED: Twilio: 401 Authenticate/);
    expect(mailsWith('Alert channel TELEGRAM is failing').length).toBeGreaterThanOrEqual(1);
    for (const l of await a.s.dataSource.getRepository(AlertLog).find()) {
      for (const secret of Object.values(CHANNEL_SECRETS)) expect(l.errorMessage ?? '').not.toContain(secret);
    }
  });

  describe('cooldown per alert kind (issue 11 §6)', () => {
    it('alerts a second delta breach after the cooldown, not within it; CRITICAL always', async () => {
      a.clock.advance(120 * MIN);
      const t0 = a.clock.nowMs();
      const key = 'strategy:delta:pos-7:WARNING:CE24500';
      const first = await raise('WARNING', { dedupKey: key, title: 'Net delta beyond 300', atMs: t0 });
      expect(first).not.toBeNull();
      expect(await raise('WARNING', { dedupKey: key, title: 'Net delta beyond 300', atMs: t0 + 14 * MIN })).toBeNull();
      const again = await raise('WARNING', { dedupKey: key, title: 'Net delta beyond 300', atMs: t0 + 15 * MIN });
      expect(again).not.toBeNull();
      expect(await a.s.dataSource.getRepository(Alert).count({ where: { dedupKey: key } })).toBe(2);
      expect(tgTo('Net delta beyond 300')).toHaveLength(2);
      expect(mailsWith('Net delta beyond 300')).toHaveLength(2);

      const critKey = 'strategy:balance:pos-7:-650CE';
      expect(await raise('CRITICAL', { dedupKey: critKey, title: 'Unbalanced strangle', atMs: t0 })).not.toBeNull();
      expect(await raise('CRITICAL', { dedupKey: critKey, title: 'Unbalanced strangle', atMs: t0 + MIN })).not.toBeNull();
      expect(smsWith('Unbalanced strangle')).toHaveLength(2);
    });

    it('uses a stored cooldown edited by an admin (audited), not by a viewer', async () => {
      await a.s.http().put('/api/alerts/cooldowns/strategy:delta').set('cookie', viewer.cookie).set('x-csrf-token', viewer.csrfToken).send({ cooldownSeconds: 60 }).expect(403);
      const res = await a.s.http().put('/api/alerts/cooldowns/strategy:delta').set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ cooldownSeconds: 60 }).expect(200);
      expect(res.body).toEqual({ kind: 'strategy:delta', cooldownSeconds: 60, stored: true, defaultSeconds: 900 });
      const t0 = a.clock.nowMs() + 300 * MIN;
      const key = 'strategy:delta:pos-8:WARNING:PE';
      expect(await raise('WARNING', { dedupKey: key, atMs: t0 })).not.toBeNull();
      expect(await raise('WARNING', { dedupKey: key, atMs: t0 + 30_000 })).toBeNull();
      expect(await raise('WARNING', { dedupKey: key, atMs: t0 + 60_000 })).not.toBeNull();
      const audit = await a.s.dataSource.getRepository(AuditLogEntity).find({ where: { action: 'alert.cooldown' } });
      expect(audit.map((x) => [x.actor, x.entityId])).toEqual([['admin', 'strategy:delta']]);
      await a.s.http().put('/api/alerts/cooldowns/Bad Kind!').set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ cooldownSeconds: 60 }).expect(400);
      await a.s.http().put('/api/alerts/cooldowns/loss-limit').set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ cooldownSeconds: -1 }).expect(400);
    });
  });

  describe('stored routing: enable switches and quiet hours, edited by an admin', () => {
    const put = (channel: string, body: Record<string, unknown>, who: SessionAuth) => a.s.http().put(`/api/alerts/channels/${channel}`).set('cookie', who.cookie).set('x-csrf-token', who.csrfToken).send(body);

    it('skips a switched-off channel and INFO in quiet hours with a SKIPPED row; WARNING ignores quiet hours', async () => {
      await put('SMS', { enabled: false, minSeverity: 'CRITICAL', quietFrom: null, quietTo: null }, viewer).expect(403);
      const res = await put('SMS', { enabled: false, minSeverity: 'CRITICAL', quietFrom: null, quietTo: null }, admin).expect(200);
      expect(res.body).toMatchObject({ channel: 'SMS', enabled: false, configured: true });
      const off = (await raise('CRITICAL', { title: 'SMS switched off' }))!;
      expect((await logsOf(off.id)).filter((l) => l.channel === 'SMS').map((l) => [l.status, l.errorMessage])).toEqual([['SKIPPED', 'channel switched off']]);
      expect(smsWith('SMS switched off')).toHaveLength(0);
      await put('SMS', { enabled: true, minSeverity: 'CRITICAL', quietFrom: null, quietTo: null }, admin).expect(200);

      // 11:00 IST on the test clock's day, plus whatever the suite advanced: quiet all day but one minute.
      await put('TELEGRAM', { enabled: true, minSeverity: 'INFO', quietFrom: '00:00', quietTo: '23:59' }, admin).expect(200);
      const quiet = (await raise('INFO', { title: 'Quiet INFO' }))!;
      expect((await logsOf(quiet.id)).map((l) => [l.channel, l.status, l.errorMessage])).toEqual([['TELEGRAM', 'SKIPPED', 'quiet hours (INFO)']]);
      await raise('WARNING', { title: 'Loud WARNING' });
      expect(tgTo('Loud WARNING')).toHaveLength(1);
      await put('TELEGRAM', { enabled: true, minSeverity: 'INFO', quietFrom: null, quietTo: null }, admin).expect(200);
      await put('TELEGRAM', { enabled: true, minSeverity: 'INFO', quietFrom: '22:00', quietTo: null }, admin).expect(400);
      await put('FAX', { enabled: true, minSeverity: 'INFO', quietFrom: null, quietTo: null }, admin).expect(400);
      const audit = await a.s.dataSource.getRepository(AuditLogEntity).find({ where: { action: 'alert.channel-settings' } });
      expect(audit.map((x) => x.entityId)).toEqual(['SMS', 'SMS', 'TELEGRAM', 'TELEGRAM']);
    });

    it('sends a test alert on one channel only (admin), and lists every attempt in the delivery log', async () => {
      await a.s.http().post('/api/alerts/channels/EMAIL/test').set('cookie', viewer.cookie).set('x-csrf-token', viewer.csrfToken).expect(403);
      const res = await a.s.http().post('/api/alerts/channels/EMAIL/test').set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).expect(202);
      await a.settle();
      expect(rows(await logsOf(res.body.alertId))).toEqual([['EMAIL', 'SENT', 1]]);
      expect(mailsWith('Test alert (EMAIL)')).toHaveLength(1);
      const log = (await a.s.http().get('/api/alerts/deliveries').query({ alertId: res.body.alertId }).set('cookie', viewer.cookie).expect(200)).body as AlertDeliveryResponse[];
      expect(log).toEqual([expect.objectContaining({ alertId: res.body.alertId, alertTitle: 'Test alert (EMAIL)', channel: 'EMAIL', status: 'SENT', attempt: 1, recipient: 'trader@mcube.test' })]);
      await a.s.http().get('/api/alerts/deliveries').query({ status: 'LOST' }).set('cookie', viewer.cookie).expect(400);
    });
  });

  it('never sent any alert twice to one recipient', async () => {
    const sent = await a.s.dataSource.getRepository(AlertLog).find({ where: { status: 'SENT' } });
    const keys = sent.map((l) => `${l.alertId}/${l.channel}/${l.recipient}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(a.telegram.delivered('sendMessage').length).toBe(sent.filter((l) => l.channel === 'TELEGRAM').length);
    expect(a.twilio.delivered().length).toBe(sent.filter((l) => l.channel === 'SMS').length);
    expect(a.smtp.received.length).toBe(sent.filter((l) => l.channel === 'EMAIL').length);
  });
});

describe('with no channel configured', () => {
  it('keeps alerts in the console only: stored and pushed, no delivery row', async () => {
    const { startSecurityApp } = await import('../security/security-app');
    const s = await startSecurityApp();
    try {
      const { AlertsService } = await import('../../src/modules/alerts/alerts.service');
      const alert = await s.app.get(AlertsService).raise({ accountId: null, severity: 'CRITICAL', category: 'RISK', title: 'console only', message: 'x', occurredAtMs: Date.now() });
      expect(alert).not.toBeNull();
      expect(await s.dataSource.getRepository(AlertLog).count()).toBe(0);
      const channels = (await s.http().get('/api/alerts/channels').set('cookie', (await login(s, 'viewer')).cookie).expect(200)).body as AlertChannelStatusResponse[];
      expect(channels.map((c) => [c.channel, c.configured])).toEqual([['TELEGRAM', false], ['EMAIL', false], ['SMS', false]]);
    } finally {
      await s.close();
    }
  });
});
