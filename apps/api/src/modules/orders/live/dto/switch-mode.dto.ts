import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** PUT /api/accounts/:id/mode body. */
export class SwitchModeDto {
  @ApiProperty({ enum: ['PAPER', 'LIVE'] }) @IsIn(['PAPER', 'LIVE'])
  mode!: 'PAPER' | 'LIVE';

  /** To go LIVE, the typed words `LIVE <account number>` (shown by GET …/live-mode). */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100)
  confirmation?: string;
}
