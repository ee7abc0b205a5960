import { addDays, epochMsOfIst } from '@mcube/domain';
import { AlertChannelRegistry } from '../../src/modules/alerts/channels/alert-channel.registry';
import { EmailAlertChannel } from '../../src/modules/alerts/channels/email-alert.channel';
import { SecretScrubber } from '../../src/modules/alerts/channels/secret-scrubber';
import { SmsAlertChannel } from '../../src/modules/alerts/channels/sms-alert.channel';
import { TelegramAlertChannel } from '../../src/modules/alerts/channels/telegram-alert.channel';
import { TelegramClient } from '../../src/modules/alerts/channels/telegram-client';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { AlertLog } from '../../src/modules/alerts/entities/alert-log.entity';
import { TelegramChat } from '../../src/modules/alerts/entities/telegram-chat.entity';
import { UserEntity } from '../../src/modules/core/entities/user.entity';
import { CircuitBreaker } from '../../src/modules/risk/entities/circuit-breaker.entity';
import { RiskLimit } from '../../src/modules/risk/entities/risk-limit.entity';
import { InProcessJobQueue } from '../../src/jobs/in-process-job-queue';
import { sessionTimes } from '../strategies/strangle-month.run';
import { startStrangleHarness, type StrangleHarness } from '../strategies/strangle-harness';
import { CHANNEL_SECRETS, TEST_RETRY_POLICY } from './alert-channels-app';
import { SmtpSink } from './fakes/smtp-sink';
import { TelegramBotApiFake } from './fakes/telegram-bot-api.fake';
import { TwilioMessagesApiFake } from './fakes/twilio-messages-api.fake';

const CHAT = '5550001';
const FROM = '2026-03-02';

// Issue 17 done-when: the Kotak strangle on the simulated market (seed 7) with a daily loss
// limit of ₹1 trips the circuit breaker once its first position is marked at a loss (the run
// goes on a trading day past the trip); the CRITICAL leaves the box once per channel, through
// the real clients, against local servers.
describe('a breaker trip in the simulated market alerts once on each channel', () => {
  let h: StrangleHarness;
  let telegram: TelegramBotApiFake;
  let smtp: SmtpSink;
  let twilio: TwilioMessagesApiFake;

  beforeAll(async () => {
    telegram = await new TelegramBotApiFake(CHANNEL_SECRETS.botToken).start();
    smtp = await new SmtpSink('mcube', CHANNEL_SECRETS.smtpPassword).start();
    twilio = await new TwilioMessagesApiFake(CHANNEL_SECRETS.twilioSid, CHANNEL_SECRETS.twilioToken).start();
    const config = { sendTimeoutMs: 2000, telegram: { botToken: CHANNEL_SECRETS.botToken, apiRoot: telegram.apiRoot }, email: { smtpUrl: smtp.url, from: 'alerts@mcube.test', to: ['trader@mcube.test'] }, sms: { accountSid: CHANNEL_SECRETS.twilioSid, authToken: CHANNEL_SECRETS.twilioToken, from: '+15005550006', to: ['+919800000001'], baseUrl: twilio.baseUrl } };
    const scrubber = new SecretScrubber(config);
    let channels: AlertChannelRegistry | undefined;
    h = await startStrangleHarness({
      driver: 'in-process',
      seed: 7,
      startDate: FROM,
      breakers: true,
      alerts: {
        get channels() {
          return channels as AlertChannelRegistry;
        },
        policy: TEST_RETRY_POLICY,
      },
      seedData: async (ds, accountId) => {
        channels = new AlertChannelRegistry([
          new TelegramAlertChannel(new TelegramClient(config.telegram.botToken, config.telegram.apiRoot, 2000, scrubber), ds),
          new EmailAlertChannel({ ...config.email, timeoutMs: 2000 }, scrubber),
          new SmsAlertChannel({ ...config.sms, timeoutMs: 2000 }, scrubber),
        ]);
        const user = await ds.getRepository(UserEntity).save({ username: 'trader', passwordHash: 'x', role: 'trader', failedAttempts: 0, lockedUntil: null, isActive: true, mustChangePassword: false, lastLoginAt: null });
        await ds.getRepository(TelegramChat).insert({ chatId: CHAT, userId: user.id, label: 'phone', receivesAlerts: true });
        await ds.getRepository(RiskLimit).insert({ accountId, maxMarginUsagePct: 0.5, firstTradeFraction: 0.5, maxConcurrentPositions: 1, perPositionStopPaise: null, perTradeRiskPaise: null, dailyLossLimitPaise: 100, weeklyLossLimitPaise: null, weeklyProfitTargetPaise: 1_75_000_00, monthlyProfitTargetPaise: 7_00_000_00, pauseOnProfitTarget: false, maxDrawdownPct: 0.15, maxLeverage: null, maxTotalExposurePaise: null, maxPositionExposurePaise: null });
      },
    });
    // The first SMS attempt meets a 503: it is retried, and the trip still reaches the phone once.
    twilio.fail({ status: 503 });
    // Day by day until the first trip, then one more day (a trip must not alert again), at most the month.
    let tripDay: string | null = null;
    for (let date = FROM; date <= '2026-04-10'; date = addDays(date, 1)) {
      if (!h.calendar.isTradingDay(date)) continue;
      for (const time of sessionTimes('09:15', '15:30', 5)) await h.step(epochMsOfIst(date, time));
      if (tripDay !== null) break;
      if ((await h.dataSource.getRepository(CircuitBreaker).count()) > 0) tripDay = date;
    }
    await h.dispatcher?.whenIdle();
    await (h.queue as InProcessJobQueue).onIdle();
  }, 240_000);
  afterAll(async () => {
    await h?.close();
    await Promise.all([telegram?.close(), smtp?.close(), twilio?.close()]);
  });

  it('trips the breaker once and stores one CRITICAL for it', async () => {
    expect(h.failures).toEqual([]);
    expect(await h.dataSource.getRepository(CircuitBreaker).count()).toBe(1);
    const trips = await h.dataSource.getRepository(Alert).find({ where: { severity: 'CRITICAL', category: 'RISK' } });
    expect(trips.map((a) => a.title)).toEqual([`Circuit breaker tripped on account ${h.account.accountNumber}`]);
  });

  it('delivers that CRITICAL exactly once on Telegram, e-mail and SMS, with one AlertLog row per attempt', async () => {
    const [trip] = await h.dataSource.getRepository(Alert).find({ where: { severity: 'CRITICAL', category: 'RISK' } });
    const title = trip.title;
    expect(telegram.delivered('sendMessage', CHAT).filter((c) => String(c.params['text']).includes(title))).toHaveLength(1);
    expect(smtp.received.filter((m) => m.raw.includes(title))).toHaveLength(1);
    expect(twilio.delivered().filter((m) => m.body.includes(title))).toHaveLength(1);
    expect(twilio.calls.filter((m) => m.body.includes(title)).map((m) => m.outcome)).toEqual(['error', 'ok']);
    const logs = await h.dataSource.getRepository(AlertLog).find({ where: { alertId: trip.id }, order: { id: 'ASC' } });
    expect(logs.map((l) => [l.channel, l.status, l.attempt])).toEqual([
      ['TELEGRAM', 'SENT', 1],
      ['EMAIL', 'SENT', 1],
      ['SMS', 'RETRYING', 1],
      ['SMS', 'SENT', 2],
    ]);
  });
});
