import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

/** GET /api/strategies/kotak-strangle/evaluation query. */
export class EvaluationQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1)
  accountId!: number;
}
