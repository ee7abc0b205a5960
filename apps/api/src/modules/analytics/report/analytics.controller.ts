import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AnalyticsReport } from '@mcube/contracts';
import { AnalyticsReportService } from './analytics-report.service';
import { AnalyticsQueryDto } from './dto/analytics-query.dto';

/** Analytics of closed trades (any role: reads only). */
@ApiTags('analytics')
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsReportService) {}

  @Get()
  report(@Query() q: AnalyticsQueryDto): Promise<AnalyticsReport> {
    return this.analytics.report(q);
  }

  /** The period's trades as CSV (integer paise), downloaded as a file. */
  @Get('trades.csv')
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="mcube-trades.csv"')
  trades(@Query() q: AnalyticsQueryDto): Promise<string> {
    return this.analytics.csv(q);
  }
}
