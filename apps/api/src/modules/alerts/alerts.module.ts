import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CoreModule } from '../core/core.module';
import { AlertChannelsController } from './alert-channels.controller';
import { AlertFeedService } from './alert-feed.service';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { ALERT_CHANNELS } from './channels/alert-channel.registry';
import { createAlertChannels, createTelegramClient } from './channels/create-alert-channels';
import { TELEGRAM_CLIENT } from './channels/telegram-client';
import type { TelegramClient } from './channels/telegram-client';
import { AlertContentRegistry } from './delivery/alert-content.registry';
import { AlertDeliveryService } from './delivery/alert-delivery.service';
import { AlertDispatcher } from './delivery/alert-dispatcher.service';
import { ALERT_RETRY_POLICY, DEFAULT_ALERT_RETRY_POLICY } from './delivery/alert-retry-policy';
import { ChannelFailureNotifier } from './delivery/channel-failure.notifier';
import { AlertChannelStatusService } from './settings/alert-channel-status.service';
import { AlertRoutesService } from './settings/alert-routes.service';
import { AlertSettingsService } from './settings/alert-settings.service';

/**
 * The alerts domain of mCube: stored alerts with a cooldown per kind, the console feed, and
 * delivery to Telegram, e-mail and SMS (whichever have credentials) as `alerts.deliver` jobs,
 * routed by severity, stored settings and quiet hours, every attempt in `alert_logs`.
 * The Telegram bot's commands live in `modules/telegram` (`TelegramBotModule`: it needs the trading modules).
 */
@Module({
  imports: [CoreModule],
  controllers: [AlertsController, AlertChannelsController],
  providers: [
    AlertsService,
    AlertFeedService,
    AlertDispatcher,
    AlertDeliveryService,
    AlertContentRegistry,
    ChannelFailureNotifier,
    AlertRoutesService,
    AlertSettingsService,
    AlertChannelStatusService,
    { provide: TELEGRAM_CLIENT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createTelegramClient(config.alerts) },
    { provide: ALERT_CHANNELS, inject: [APP_CONFIG, DataSource, TELEGRAM_CLIENT], useFactory: (config: AppConfig, ds: DataSource, tg: TelegramClient | null) => createAlertChannels(config.alerts, ds, tg) },
    { provide: ALERT_RETRY_POLICY, useValue: DEFAULT_ALERT_RETRY_POLICY },
  ],
  exports: [AlertsService, AlertContentRegistry, AlertDispatcher, TELEGRAM_CLIENT, ALERT_CHANNELS],
})
export class AlertsModule {}
