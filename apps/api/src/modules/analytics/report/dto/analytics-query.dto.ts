import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { IsRealIsoDate } from '../../../../common/validation/iso-date';

/** GET /api/analytics and /api/analytics/trades.csv: trades that exited between two IST dates (inclusive), one account or all. */
export class AnalyticsQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'first IST exit date (inclusive)' })
  @IsOptional()
  @IsRealIsoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'last IST exit date (inclusive)' })
  @IsOptional()
  @IsRealIsoDate()
  to?: string;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  accountId?: number;
}
