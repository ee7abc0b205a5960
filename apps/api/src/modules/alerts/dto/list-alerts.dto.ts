import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ALERT_SEVERITIES, type AlertSeverity } from '../entities/alert.entity';

/** Query strings carry text: only the exact words `true` / `false` become booleans (anything else fails validation). */
const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** GET /api/alerts query: newest first, optionally one account, one severity, only unacknowledged. */
export class ListAlertsDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  accountId?: number;

  @ApiPropertyOptional({ enum: ALERT_SEVERITIES }) @IsOptional() @IsIn([...ALERT_SEVERITIES])
  severity?: AlertSeverity;

  @ApiPropertyOptional({ description: 'true: only alerts nobody has acknowledged yet' }) @IsOptional() @Transform(queryBoolean) @IsBoolean()
  unacknowledged?: boolean;

  @ApiPropertyOptional({ default: 100, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}
