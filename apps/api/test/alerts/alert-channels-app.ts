import { epochMsOfIst, FixedClock } from '@mcube/domain';
import { JOB_QUEUE } from '../../src/jobs/job-queue.port';
import { InProcessJobQueue } from '../../src/jobs/in-process-job-queue';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AlertDispatcher } from '../../src/modules/alerts/delivery/alert-dispatcher.service';
import { ALERT_RETRY_POLICY, type AlertRetryPolicy } from '../../src/modules/alerts/delivery/alert-retry-policy';
import { TelegramChat } from '../../src/modules/alerts/entities/telegram-chat.entity';
import { startSecurityApp, type SecurityApp } from '../security/security-app';
import { SmtpSink } from './fakes/smtp-sink';
import { TelegramBotApiFake } from './fakes/telegram-bot-api.fake';
import { TwilioMessagesApiFake } from './fakes/twilio-messages-api.fake';
import { WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

/** Channel credentials of the tests (fake, and checked never to appear in a log line). */
export const CHANNEL_SECRETS = {
  botToken: '987654321:AAH-test-bot-token-Zx8Qw2Er4Ty6Ui0',
  twilioSid: `AC${'a1'.repeat(16)}`,
  twilioToken: 'TwilioTestAuthToken0123456789ab',
  smtpPassword: 'Smtp-Pa55-word-q7',
} as const;

/** The allow-listed chats the suites use: the trader's phone and the viewer's. */
export const TRADER_CHAT = 5550001;
export const VIEWER_CHAT = 5550002;
export const ADMIN_CHAT = 5550003;

/** An API with all three channels pointed at local servers speaking their wire formats. */
export interface AlertChannelsApp {
  s: SecurityApp;
  telegram: TelegramBotApiFake;
  smtp: SmtpSink;
  twilio: TwilioMessagesApiFake;
  clock: FixedClock;
  alerts: AlertsService;
  /** Waits until every dispatch and delivery job (with their retries) has finished. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Short retries so the ugly cases finish quickly (the real policy: 5 attempts from 2 s). */
export const TEST_RETRY_POLICY: AlertRetryPolicy = { maxAttempts: 4, baseDelayMs: 50, maxDelayMs: 400 };

/** Starts the fakes and the real app on them; `env` adds or overrides variables. */
export async function startAlertChannelsApp(opts: { env?: Record<string, string | undefined>; nowMs?: number; chats?: boolean; overrides?: { provide: unknown; useValue: unknown }[] } = {}): Promise<AlertChannelsApp> {
  const telegram = await new TelegramBotApiFake(CHANNEL_SECRETS.botToken).start();
  const smtp = await new SmtpSink('mcube', CHANNEL_SECRETS.smtpPassword).start();
  const twilio = await new TwilioMessagesApiFake(CHANNEL_SECRETS.twilioSid, CHANNEL_SECRETS.twilioToken).start();
  const clock = new FixedClock(opts.nowMs ?? epochMsOfIst('2026-03-10', '11:00:00'));
  const s = await startSecurityApp({
    env: {
      TELEGRAM_BOT_TOKEN: CHANNEL_SECRETS.botToken,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      SMTP_URL: smtp.url,
      ALERT_EMAIL_FROM: 'mCube <alerts@mcube.test>',
      ALERT_EMAIL_TO: 'trader@mcube.test',
      TWILIO_ACCOUNT_SID: CHANNEL_SECRETS.twilioSid,
      TWILIO_AUTH_TOKEN: CHANNEL_SECRETS.twilioToken,
      TWILIO_FROM: '+15005550006',
      ALERT_SMS_TO: '+919800000001',
      TWILIO_API_BASE_URL: twilio.baseUrl,
      MCUBE_ALERT_SEND_TIMEOUT_MS: '700',
      ...opts.env,
    },
    overrides: [
      { provide: WALL_CLOCK, useValue: clock },
      { provide: ALERT_RETRY_POLICY, useValue: TEST_RETRY_POLICY },
      ...(opts.overrides ?? []),
    ],
    beforeBoot: async (ds, seeded) => {
      if (opts.chats === false) return;
      await ds.getRepository(TelegramChat).insert([
        { chatId: String(TRADER_CHAT), userId: seeded.users.trader.id, label: 'trader phone', receivesAlerts: true },
        { chatId: String(VIEWER_CHAT), userId: seeded.users.viewer.id, label: 'viewer phone', receivesAlerts: false },
        { chatId: String(ADMIN_CHAT), userId: seeded.users.admin.id, label: 'admin phone', receivesAlerts: false },
      ]);
    },
  });
  const dispatcher = s.app.get(AlertDispatcher);
  const queue = s.app.get(JOB_QUEUE) as InProcessJobQueue;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await dispatcher.whenIdle();
      await queue.onIdle();
    }
  };
  return {
    s,
    telegram,
    smtp,
    twilio,
    clock,
    alerts: s.app.get(AlertsService),
    settle,
    close: async () => {
      await settle().catch(() => undefined);
      await s.close();
      await Promise.all([telegram.close(), smtp.close(), twilio.close()]);
    },
  };
}
