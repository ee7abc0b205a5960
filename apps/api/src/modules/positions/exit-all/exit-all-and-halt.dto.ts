import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/validators';

/** POST /api/risk/exit-all-and-halt body: why, and the account (every account when absent). */
export class ExitAllAndHaltDto {
  @ApiProperty({ example: 'panic: market gapping' })
  @Matches(/^[\w .,:;()'/-]{3,200}$/, { message: '$property must be 3-200 plain characters' })
  reason!: string;

  @ApiPropertyOptional() @OptionalNotNull() @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER)
  accountId?: number;
}
