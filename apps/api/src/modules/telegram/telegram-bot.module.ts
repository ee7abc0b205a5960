import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { DailyDigestService } from '../analytics/daily-report/daily-digest.service';
import { AnalyticsModule } from '../analytics/analytics.module';
import { CoreModule } from '../core/core.module';
import { IciciSessionService } from '../orders/live/icici/icici-session.service';
import { OrdersModule } from '../orders/orders.module';
import { RiskModule } from '../risk/risk.module';
import { ApprovalsService } from '../strategies/approvals/approvals.service';
import { StrategiesModule } from '../strategies/strategies.module';
import { AlertsModule } from '../alerts/alerts.module';
import { APPROVALS_PORT } from '../strategies/approvals/approvals.port';
import { ICICI_SESSION_PORT } from './icici-session.port';
import { TelegramApprovalCardsService } from './telegram-approval-cards.service';
import { TelegramBotService } from './telegram-bot.service';
import { TelegramChatsController } from './telegram-chats.controller';
import { TelegramChatsService } from './telegram-chats.service';
import { REPORT_SOURCE, TelegramCommandsService } from './telegram-commands.service';
import { TelegramWebhookController } from './telegram-webhook.controller';

/**
 * The Telegram bot: its chat allow-list (REST), its commands through the trading modules'
 * services (kill switch, summaries, approvals) and the approval cards. A module folder of its
 * own at the top of the graph, apart from `alerts` (which every trading module imports), so the
 * arrows stay one way; it sends through the alerts module's Telegram client and chat table.
 * `APPROVALS_PORT` is the ICICI approval queue (`ApprovalsService` of the strategies module);
 * `ICICI_SESSION_PORT` the ICICI day session (`IciciSessionService` of the orders module).
 */
@Module({
  imports: [AlertsModule, CoreModule, RiskModule, AccountsModule, AnalyticsModule, StrategiesModule, OrdersModule],
  controllers: [TelegramChatsController, TelegramWebhookController],
  providers: [
    TelegramChatsService,
    TelegramCommandsService,
    TelegramBotService,
    TelegramApprovalCardsService,
    { provide: APPROVALS_PORT, useExisting: ApprovalsService },
    { provide: REPORT_SOURCE, useExisting: DailyDigestService },
    { provide: ICICI_SESSION_PORT, useExisting: IciciSessionService },
  ],
  exports: [TelegramBotService, TelegramApprovalCardsService],
})
export class TelegramBotModule {}
