import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DailyReportSentResponse } from '@mcube/contracts';
import { istDateTimeOf, type Clock } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { AuditService } from '../../core/audit/audit.service';
import { DailyReport } from '../entities/daily-report.entity';
import { DailyDigestService } from './daily-digest.service';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** The daily report from the console: send the latest one again by Telegram and e-mail (trader; audited). */
@ApiTags('analytics')
@Controller('analytics/daily-report')
export class DailyReportController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly digest: DailyDigestService,
    private readonly audit: AuditService,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
  ) {}

  @Post('send')
  @HttpCode(202)
  async send(): Promise<DailyReportSentResponse> {
    const latest = await this.dataSource.getRepository(DailyReport).findOne({ where: {}, order: { tradeDate: 'DESC' } });
    if (!latest) throw new AppException('NOT_FOUND', `no daily report stored yet (the first is made at 16:00 IST; today is ${istDateTimeOf(this.clock.nowMs()).date})`);
    const alertId = (await this.digest.send(latest.tradeDate, true)) as number;
    await this.audit.record({ action: 'daily-report.send', entity: 'daily_report', entityId: latest.tradeDate });
    return { tradeDate: latest.tradeDate, alertId };
  }
}
