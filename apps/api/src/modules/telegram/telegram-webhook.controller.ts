import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { TelegramWebhookResponse } from '@mcube/contracts';
import type { Update } from 'telegraf/types';
import { safeEqual } from '../../common/crypto/tokens';
import { Public } from '../../common/decorators/public.decorator';
import { AppException } from '../../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { TelegramBotService } from './telegram-bot.service';

/**
 * POST /api/telegram/webhook: Telegram's updates in webhook mode. Public (Telegram has no
 * session), so it trusts only the secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token;
 * 404 when webhook mode is off. The chat allow-list and roles then apply as for polling.
 */
@ApiExcludeController()
@Controller('telegram')
export class TelegramWebhookController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bot: TelegramBotService,
  ) {}

  @Public()
  @Post('webhook')
  @HttpCode(200)
  async update(@Headers('x-telegram-bot-api-secret-token') secret: string | undefined, @Body() update: Update): Promise<TelegramWebhookResponse> {
    const webhook = this.config.alerts.telegram?.webhook;
    if (!webhook) throw new AppException('NOT_FOUND', 'Telegram webhook mode is off');
    if (typeof secret !== 'string' || !safeEqual(secret, webhook.secret)) throw new AppException('UNAUTHENTICATED', 'wrong Telegram webhook secret');
    if (typeof update !== 'object' || update === null || typeof (update as { update_id?: unknown }).update_id !== 'number') throw new AppException('VALIDATION_FAILED', 'not a Telegram update');
    await this.bot.handleWebhookUpdate(update);
    return { ok: true };
  }
}
