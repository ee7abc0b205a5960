import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { HISTORY_INTERVALS } from '../../market/dto/market-queries.dto';
import { IsMarketSymbol } from '../../market/dto/market-query.validators';

/** Longest CSV text accepted in one request (the JSON body limit is 512 kB). */
export const MAX_IMPORT_CSV_CHARS = 480_000;

/** POST /api/market/import body: a user's history of one symbol as CSV text. */
export class ImportHistoryDto {
  @ApiProperty({ example: 'NIFTY 50' })
  @IsString() @IsMarketSymbol()
  symbol!: string;

  @ApiProperty({ enum: HISTORY_INTERVALS, description: '1d for a date column, else the bar length of a datetime column' })
  @IsIn(HISTORY_INTERVALS)
  interval!: (typeof HISTORY_INTERVALS)[number];

  @ApiProperty({ example: 'date,open,high,low,close,volume\n2026-01-05,100,105,99,104,1000\n', maxLength: MAX_IMPORT_CSV_CHARS })
  @IsString() @MaxLength(MAX_IMPORT_CSV_CHARS)
  @Matches(/^\uFEFF?\s*(?:date|datetime)\s*,/i, { message: 'csv must start with the header date,open,high,low,close[,volume] or datetime,open,high,low,close[,volume]' })
  csv!: string;
}
