import type { AlertChannel } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import type { AlertChannelsConfig } from '../../../config/app-config';
import { AlertChannelRegistry } from './alert-channel.registry';
import { EmailAlertChannel } from './email-alert.channel';
import { SecretScrubber } from './secret-scrubber';
import { SmsAlertChannel } from './sms-alert.channel';
import { TelegramAlertChannel } from './telegram-alert.channel';
import { TelegramClient } from './telegram-client';

/** The real adapters of every configured channel (none configured: an empty registry, console only). */
export function createAlertChannels(config: AlertChannelsConfig, dataSource: DataSource, telegram: TelegramClient | null): AlertChannelRegistry {
  const scrubber = new SecretScrubber(config);
  const channels: AlertChannel[] = [];
  if (telegram) channels.push(new TelegramAlertChannel(telegram, dataSource));
  if (config.email) channels.push(new EmailAlertChannel({ ...config.email, timeoutMs: config.sendTimeoutMs }, scrubber));
  if (config.sms) channels.push(new SmsAlertChannel({ ...config.sms, timeoutMs: config.sendTimeoutMs }, scrubber));
  return new AlertChannelRegistry(channels);
}

/** The Bot API client when Telegram is configured. */
export function createTelegramClient(config: AlertChannelsConfig): TelegramClient | null {
  return config.telegram ? new TelegramClient(config.telegram.botToken, config.telegram.apiRoot, config.sendTimeoutMs, new SecretScrubber(config)) : null;
}
