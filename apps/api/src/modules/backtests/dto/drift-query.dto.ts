import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { IsRealIsoDate } from '../../../common/validation/iso-date';

/** GET /api/backtests/drift: an account's paper trades of [from, to] against a completed run covering those days. */
export class DriftQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1)
  accountId!: number;

  @ApiProperty({ description: 'a COMPLETED backtest run whose period covers [from, to]' }) @Type(() => Number) @IsInt() @Min(1)
  runId!: number;

  @ApiProperty({ example: '2026-03-02' }) @IsRealIsoDate()
  from!: string;

  @ApiProperty({ example: '2026-04-10' }) @IsRealIsoDate()
  to!: string;
}
