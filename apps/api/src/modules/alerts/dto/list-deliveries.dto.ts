import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** GET /api/alerts/deliveries query: newest first, optionally one channel, one alert, one status. */
export class ListDeliveriesDto {
  @ApiPropertyOptional({ enum: ['TELEGRAM', 'EMAIL', 'SMS'] }) @IsOptional() @IsIn(['TELEGRAM', 'EMAIL', 'SMS'])
  channel?: 'TELEGRAM' | 'EMAIL' | 'SMS';

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  alertId?: number;

  @ApiPropertyOptional({ enum: ['SENT', 'RETRYING', 'FAILED', 'SKIPPED'] }) @IsOptional() @IsIn(['SENT', 'RETRYING', 'FAILED', 'SKIPPED'])
  status?: 'SENT' | 'RETRYING' | 'FAILED' | 'SKIPPED';

  @ApiPropertyOptional({ default: 100, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}
