import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsIstDate, IsMarketSymbol } from './market-query.validators';

/** Underlyings with listed options here. */
export const OPTION_UNDERLYINGS = ['NIFTY'] as const;

/** Bar intervals of the history endpoint. */
export const HISTORY_INTERVALS = ['1m', '5m', '15m', '1h', '1d'] as const;

/** GET /api/market/quotes query: up to 20 comma-separated symbols. */
export class QuotesQueryDto {
  @ApiProperty({ example: 'NIFTY 50,INDIA VIX' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 &._-]{0,59}(?:,[A-Za-z0-9][A-Za-z0-9 &._-]{0,59}){0,19}$/, {
    message: 'symbols must be 1 to 20 comma-separated market symbols (letters, digits, spaces, & . _ -)',
  })
  symbols!: string;
}

/** GET /api/market/option-chain query; the expiry defaults to the nearest listed one. */
export class OptionChainQueryDto {
  @ApiPropertyOptional({ default: 'NIFTY', enum: OPTION_UNDERLYINGS })
  @IsOptional() @IsIn(OPTION_UNDERLYINGS)
  underlying?: (typeof OPTION_UNDERLYINGS)[number];

  @ApiPropertyOptional({ example: '2026-08-25' })
  @IsOptional() @IsIstDate()
  expiry?: string;
}

/** GET /api/market/expiries query. */
export class ExpiriesQueryDto {
  @ApiPropertyOptional({ default: 'NIFTY', enum: OPTION_UNDERLYINGS })
  @IsOptional() @IsIn(OPTION_UNDERLYINGS)
  underlying?: (typeof OPTION_UNDERLYINGS)[number];
}

/** GET /api/market/history query: bars between two IST dates inclusive. */
export class HistoryQueryDto {
  @ApiProperty({ example: 'NIFTY 50' })
  @IsMarketSymbol()
  symbol!: string;

  @ApiProperty({ enum: HISTORY_INTERVALS })
  @IsIn(HISTORY_INTERVALS)
  interval!: (typeof HISTORY_INTERVALS)[number];

  @ApiProperty({ example: '2026-08-01' })
  @IsIstDate()
  from!: string;

  @ApiProperty({ example: '2026-08-21' })
  @IsIstDate()
  to!: string;
}
