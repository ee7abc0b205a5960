import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../../../common/validation/validators';

/** POST /api/risk/kill-switch body: the new trading state, why, and the account (all accounts when absent). */
export class KillSwitchDto {
  @ApiProperty({ enum: ['ACTIVE', 'REDUCING', 'HALTED'] }) @IsIn(['ACTIVE', 'REDUCING', 'HALTED'])
  state!: 'ACTIVE' | 'REDUCING' | 'HALTED';

  @ApiProperty({ example: 'unexpected volatility' })
  @Matches(/^[\w .,:;()'/-]{3,200}$/, { message: '$property must be 3-200 plain characters' })
  reason!: string;

  @ApiPropertyOptional() @OptionalNotNull() @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER)
  accountId?: number;
}
